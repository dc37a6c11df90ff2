/**
 * The Content-Security-Policies and content types sent with every file Attune serves to a page: the
 * review UI on `attune://app/`, and the vision host page (on `attune://vision/` in the app, on its
 * made-up origin headless). Nothing may load from anywhere but Attune itself: no remote script, style,
 * font, frame or connection, no inline script, no eval.
 */
import { extname } from 'node:path';
import { MEDIA_SCHEME } from '../../lib/ipc/origins.ts';

const COMMON = ["default-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'", "object-src 'none'"];

/** The review UI may show images it made itself (data:/blob: thumbnails) and play recordings from attune-media:. */
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

/**
 * The vision host page needs 'wasm-unsafe-eval' to compile MediaPipe's wasm. In the app frames arrive on a
 * MessagePort; headless, on one loopback WebSocket, whose port is the only other place it may connect to.
 */
export function visionCsp(framePort?: number): string {
  const connect = framePort === undefined ? "connect-src 'self'" : `connect-src 'self' ws://127.0.0.1:${framePort}`;
  return [...COMMON, "script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self'", connect].join('; ');
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.map': 'application/json', '.wasm': 'application/wasm', '.png': 'image/png',
  '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.ico': 'image/x-icon', '.task': 'application/octet-stream',
};

/** Sent with `X-Content-Type-Options: nosniff`, so the browser never guesses a type. */
export const contentTypeOf = (file: string): string => CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
