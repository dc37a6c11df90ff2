/**
 * `attune://<host>/…`: serves the app's own files (the review UI on `attune://app/`, the vision host page
 * on `attune://vision/`) from folders inside the installed app, with a strict CSP on every response.
 * Anything that is not a file under the host's folder — `..`, encoded separators, a symlink pointing
 * out — is a 404. No file:// URL is ever loaded.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { APP_SCHEME } from '../../lib/ipc/origins.ts';
import { contentTypeOf } from '../privacy/content-security.ts';

/** Maps a URL path to the file to serve, or null. */
export type FileResolver = (pathname: string) => Promise<string | null>;

export interface ServedHost {
  resolve: FileResolver;
  csp: string;
}

function isInside(root: string, file: string): boolean {
  return file.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** Files under `root`; `/` is index.html. Every segment is checked after decoding, then the real path. */
export function directoryResolver(root: string): FileResolver {
  return async (pathname) => {
    const segments = (pathname === '/' ? '/index.html' : pathname).split('/').slice(1);
    let decoded: string[];
    try {
      decoded = segments.map((segment) => decodeURIComponent(segment));
    } catch {
      return null;
    }
    if (decoded.some((s) => s === '' || s === '.' || s === '..' || /[\\/\0:]/.test(s))) return null;
    const realRoot = await realpath(root).catch(() => null);
    const file = realRoot ? await realpath(join(realRoot, ...decoded)).catch(() => null) : null;
    if (!realRoot || !file || !isInside(realRoot, file)) return null;
    return (await stat(file)).isFile() ? file : null;
  };
}

export function createAppProtocolHandler(hosts: Readonly<Record<string, ServedHost>>): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = URL.canParse(request.url) ? new URL(request.url) : null;
    const host = url && url.protocol === `${APP_SCHEME}:` && Object.hasOwn(hosts, url.host) ? hosts[url.host] : undefined;
    const file = url && host && request.method === 'GET' ? await host.resolve(url.pathname) : null;
    const headers: Record<string, string> = {
      'Content-Security-Policy': host?.csp ?? "default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    };
    if (!file) return new Response(null, { status: 404, headers });
    const body = await readFile(file);
    return new Response(body, {
      status: 200,
      headers: { ...headers, 'Content-Type': contentTypeOf(file) },
    });
  };
}
