/**
 * No network. Attune's pages load only from its own protocols; every other request from any session —
 * http(s), ws(s), ftp, file:, anything a compromised page or a Chromium feature might try — is cancelled
 * before it leaves. The command-line switches (main/privacy/chromium-switches.ts) stop Chromium's own
 * background traffic and make every host name unresolvable as a last lock.
 */
import { APP_SCHEME, MEDIA_SCHEME } from '../../lib/ipc/origins.ts';
import type { SessionEdge } from './electron-edge.ts';

/** data: and blob: never leave the process: they are content the page already holds. */
const ALLOWED_PROTOCOLS = new Set([`${APP_SCHEME}:`, `${MEDIA_SCHEME}:`, 'data:', 'blob:']);

export function isAllowedRequest(url: string): boolean {
  return URL.canParse(url) && ALLOWED_PROTOCOLS.has(new URL(url).protocol);
}

export function blockOutsideRequests(session: SessionEdge): void {
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
}
