/**
 * The binary frame channel between the pipeline and the vision host page.
 *
 * A frame travels as one binary message: a 24-byte little-endian header
 * (u32 id, u32 width, u32 height, u32 stream, f64 t) followed by width × height × 4 RGBA bytes.
 * `stream` numbers the recordings sent on one channel: the page starts fresh workers when it changes.
 * The header length keeps the pixels 8-byte aligned so the receiver can view them in place.
 * Answers are small and go back as JSON text (`PageMessage`).
 */
import type { VideoFrame } from '../media/types.ts';
import { LANDMARK_TASK_KINDS, type FrameObservations, type TaskMs, type VisionDelegate } from './types.ts';

export const FRAME_HEADER_BYTES = 24;

export interface FrameHeader {
  id: number;
  stream: number;
  t: number;
  width: number;
  height: number;
}

export function encodeFrame(id: number, stream: number, frame: VideoFrame): Uint8Array<ArrayBuffer> {
  const pixelBytes = frame.width * frame.height * 4;
  if (frame.rgba.byteLength !== pixelBytes) {
    throw new Error(`frame at t=${frame.t}s has ${frame.rgba.byteLength} bytes, expected ${pixelBytes} for ${frame.width}×${frame.height} RGBA`);
  }
  const message = new Uint8Array(FRAME_HEADER_BYTES + pixelBytes);
  const header = new DataView(message.buffer);
  header.setUint32(0, id, true);
  header.setUint32(4, frame.width, true);
  header.setUint32(8, frame.height, true);
  header.setUint32(12, stream, true);
  header.setFloat64(16, frame.t, true);
  message.set(frame.rgba, FRAME_HEADER_BYTES);
  return message;
}

export function decodeFrameHeader(message: ArrayBuffer): FrameHeader {
  if (message.byteLength < FRAME_HEADER_BYTES) throw new Error(`frame message of ${message.byteLength} bytes has no header`);
  const header = new DataView(message, 0, FRAME_HEADER_BYTES);
  const decoded = {
    id: header.getUint32(0, true),
    width: header.getUint32(4, true),
    height: header.getUint32(8, true),
    stream: header.getUint32(12, true),
    t: header.getFloat64(16, true),
  };
  const expected = FRAME_HEADER_BYTES + decoded.width * decoded.height * 4;
  if (message.byteLength !== expected) {
    throw new Error(`frame ${decoded.id} is ${message.byteLength} bytes, expected ${expected} for ${decoded.width}×${decoded.height} RGBA`);
  }
  return decoded;
}

/** What the host page says back. `error` fails one frame; `fatal` means the page can analyse no more. */
export type PageMessage =
  | { kind: 'ready'; workers: number; delegate: VisionDelegate }
  /** `ms`: what each landmark task's model call took on the frame (absent from a page that does not time them). */
  | { kind: 'observations'; id: number; observations: FrameObservations; ms?: TaskMs }
  | { kind: 'error'; id: number; message: string }
  | { kind: 'fatal'; message: string };

/** Absent, or a time in ms for some of the tasks the page names. */
function isTaskMs(value: unknown): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).every(([kind, ms]) => (LANDMARK_TASK_KINDS as readonly string[]).includes(kind) && typeof ms === 'number' && ms >= 0);
}

export function parsePageMessage(text: string): PageMessage {
  const message = JSON.parse(text) as { kind?: unknown; id?: unknown; message?: unknown; ms?: unknown };
  const hasId = typeof message.id === 'number';
  const valid =
    (message.kind === 'ready') ||
    (message.kind === 'observations' && hasId && isTaskMs(message.ms)) ||
    (message.kind === 'error' && hasId && typeof message.message === 'string') ||
    (message.kind === 'fatal' && typeof message.message === 'string');
  if (!valid) throw new Error(`unexpected message from the vision page: ${text.slice(0, 200)}`);
  return message as PageMessage;
}
