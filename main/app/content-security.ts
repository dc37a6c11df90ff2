/**
 * The Content-Security-Policy sent with every file of the app's own protocol. Nothing may load from
 * anywhere but the app itself: no remote script, style, font, frame or connection, no inline script,
 * no eval. The review UI may show images it made itself (data:/blob: thumbnails) and play recordings
 * from attune-media:. The vision host additionally needs 'wasm-unsafe-eval' to compile MediaPipe's wasm.
 */
import { MEDIA_SCHEME } from '../../lib/ipc/origins.ts';

const COMMON = ["default-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'", "object-src 'none'"];

export const APP_CSP = [
  ...COMMON,
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  `media-src ${MEDIA_SCHEME}:`,
  "connect-src 'self'",
  "worker-src 'self'",
].join('; ');

export const VISION_CSP = [...COMMON, "script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self'", "connect-src 'self'"].join('; ');
