/**
 * `attune-media://session/<id>`: streams an imported session's recording to the review window's <video>,
 * with HTTP Range support so seeking works on hour-long files. Only the file the store recorded for that
 * session is served, and only while it is the same file: a path turned into a symlink, a replaced or
 * changed file, any other URL → 404. The URL never carries a path, so there is nothing to traverse.
 * `attune-media://clip/<session id>/<marker id>`: a clip a session received in a review package, from the
 * encrypted store (ids only, checked like the session's).
 */
import { constants, createReadStream } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { MEDIA_CLIP_HOST, MEDIA_SCHEME, MEDIA_SESSION_HOST } from '../../lib/ipc/origins.ts';
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

/** What a media URL asks for: a session's recording, or one of its received clips; null for anything else. */
export function mediaRequest(url: string): { sessionId: string; markerId: string | null } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${MEDIA_SCHEME}:` || parsed.search || parsed.username) return null;
  const parts = parsed.pathname.slice(1).split('/');
  if (!parts.every((part) => SESSION_ID.test(part))) return null;
  if (parsed.host === MEDIA_SESSION_HOST && parts.length === 1) return { sessionId: parts[0]!, markerId: null };
  if (parsed.host === MEDIA_CLIP_HOST && parts.length === 2) return { sessionId: parts[0]!, markerId: parts[1]! };
  return null;
}

/**
 * The reply to a request for `size` bytes of `contentType`: the 416 to send when its range cannot be met,
 * or the bytes to send (`start`–`end`) with the status and headers for them. One rule for recordings and clips.
 */
function rangedReply(request: Request, size: number, contentType: string): { refused: Response } | { start: number; end: number; status: number; headers: Record<string, string> } {
  const range = parseRange(request.headers.get('range'), size);
  if (range === 'unsatisfiable') return { refused: new Response(null, { status: 416, headers: { ...BASE_HEADERS, 'Content-Range': `bytes */${size}` } }) };
  const { start, end } = range ?? { start: 0, end: size - 1 };
  const headers = {
    ...BASE_HEADERS,
    'Content-Type': contentType,
    'Content-Length': String(size === 0 ? 0 : end - start + 1),
    ...(range ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
  };
  return { start, end, status: range ? 206 : 200, headers };
}

/** A received clip, from memory. */
function serveBytes(request: Request, data: Buffer): Response {
  const reply = rangedReply(request, data.length, 'video/mp4');
  if ('refused' in reply) return reply.refused;
  const { start, end, status: code, headers } = reply;
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(data.subarray(start, end + 1)), { status: code, headers });
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

export function createMediaProtocolHandler(
  recordingFor: (sessionId: string) => RecordingRef | null,
  clipFor: (sessionId: string, markerId: string) => Buffer | null,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return status(405);
    const asked = mediaRequest(request.url);
    if (asked?.markerId) {
      const clip = clipFor(asked.sessionId, asked.markerId);
      return clip && clip.length > 0 ? serveBytes(request, clip) : status(404);
    }
    const ref = asked ? recordingFor(asked.sessionId) : null;
    const opened = ref ? await openRecording(ref) : null;
    if (!ref || !opened) return status(404);
    const { handle, size } = opened;

    const reply = rangedReply(request, size, CONTENT_TYPES[extname(ref.filePath).toLowerCase()] ?? 'application/octet-stream');
    if ('refused' in reply || request.method === 'HEAD' || size === 0) {
      await handle.close();
      return 'refused' in reply ? reply.refused : new Response(null, { status: reply.status, headers: reply.headers });
    }
    const { start, end, status: code, headers } = reply;
    // The stream owns the handle from here and closes it when done or when the player cancels the read.
    const body = Readable.toWeb(createReadStream('', { fd: handle, start, end })) as ReadableStream<Uint8Array>;
    return new Response(body, { status: code, headers });
  };
}
