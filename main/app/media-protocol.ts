/**
 * `attune-media://session/<id>`: streams an imported session's recording to the review window's <video>,
 * with HTTP Range support so seeking works on hour-long files. Only the file the store recorded for that
 * session is served, and only while it is the same file: a path turned into a symlink, a replaced or
 * changed file, any other URL → 404. The URL never carries a path, so there is nothing to traverse.
 */
import { constants, createReadStream } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { MEDIA_SCHEME, MEDIA_SESSION_HOST } from '../../lib/ipc/origins.ts';
import type { RecordingRef } from './backend.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.mp4': 'video/mp4', '.m4v': 'video/mp4', '.mov': 'video/quicktime', '.webm': 'video/webm', '.mkv': 'video/x-matroska',
  '.avi': 'video/x-msvideo', '.wmv': 'video/x-ms-wmv', '.m4a': 'audio/mp4', '.wav': 'audio/wav', '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg', '.flac': 'audio/flac',
};

const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;

const BASE_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Accept-Ranges': 'bytes' };

function status(code: number): Response {
  return new Response(null, { status: code, headers: BASE_HEADERS });
}

export function sessionIdFromMediaUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${MEDIA_SCHEME}:` || parsed.host !== MEDIA_SESSION_HOST || parsed.search || parsed.username) return null;
  const id = parsed.pathname.slice(1);
  return SESSION_ID.test(id) ? id : null;
}

/** One `bytes=` range, resolved against the size; null when absent, 'unsatisfiable' when it cannot be met. */
export function parseRange(header: string | null, size: number): { start: number; end: number } | null | 'unsatisfiable' {
  if (header === null) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return 'unsatisfiable';
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/**
 * Opens the recording without following a final symlink and checks it is still the imported file
 * (real path, size, mtime); the checks run on the open handle, so the file cannot be swapped in between.
 */
async function openRecording(ref: RecordingRef): Promise<{ handle: FileHandle; size: number } | null> {
  if ((await realpath(ref.filePath).catch(() => null)) !== ref.filePath) return null;
  const handle = await open(ref.filePath, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)).catch(() => null);
  if (!handle) return null;
  const info = await handle.stat();
  if (!info.isFile() || info.size !== ref.sizeBytes || info.mtimeMs !== ref.mtimeMs) {
    await handle.close();
    return null;
  }
  return { handle, size: info.size };
}

export function createMediaProtocolHandler(recordingFor: (sessionId: string) => RecordingRef | null): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return status(405);
    const sessionId = sessionIdFromMediaUrl(request.url);
    const ref = sessionId ? recordingFor(sessionId) : null;
    const opened = ref ? await openRecording(ref) : null;
    if (!ref || !opened) return status(404);
    const { handle, size } = opened;

    const range = parseRange(request.headers.get('range'), size);
    if (range === 'unsatisfiable') {
      await handle.close();
      return new Response(null, { status: 416, headers: { ...BASE_HEADERS, 'Content-Range': `bytes */${size}` } });
    }
    const { start, end } = range ?? { start: 0, end: size - 1 };
    const headers: Record<string, string> = {
      ...BASE_HEADERS,
      'Content-Type': CONTENT_TYPES[extname(ref.filePath).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': String(size === 0 ? 0 : end - start + 1),
      ...(range ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
    };
    if (request.method === 'HEAD' || size === 0) {
      await handle.close();
      return new Response(null, { status: range ? 206 : 200, headers });
    }
    // The stream owns the handle from here and closes it when done or when the player cancels the read.
    const body = Readable.toWeb(createReadStream('', { fd: handle, start, end })) as ReadableStream<Uint8Array>;
    return new Response(body, { status: range ? 206 : 200, headers });
  };
}
