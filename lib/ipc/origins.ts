/**
 * The app's own URL schemes. The renderer is served from `attune://app/`, recordings stream from
 * `attune-media://session/<id>` and clips received in a review package from
 * `attune-media://clip/<session id>/<marker id>`; nothing else is ever loaded, and the network blocker
 * allows only these.
 */
export const APP_SCHEME = 'attune';
export const MEDIA_SCHEME = 'attune-media';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
export const MEDIA_SESSION_HOST = 'session';
export const MEDIA_CLIP_HOST = 'clip';

export function mediaUrlFor(sessionId: string): string {
  return `${MEDIA_SCHEME}://${MEDIA_SESSION_HOST}/${encodeURIComponent(sessionId)}`;
}

export function clipUrlFor(sessionId: string, markerId: string): string {
  return `${MEDIA_SCHEME}://${MEDIA_CLIP_HOST}/${encodeURIComponent(sessionId)}/${encodeURIComponent(markerId)}`;
}
