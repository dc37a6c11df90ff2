/**
 * The vision host page's settings, carried in its query string: built by each host (headless Chromium,
 * the Electron app) and parsed by the page, with one type and one parser so the two sides cannot drift.
 *
 * - `channel`: how frames arrive — `socket` (headless: a loopback WebSocket whose URL, token and all,
 *   is in `socket`) or `port` (the app posts a MessagePort to the page, lib/ipc/vision-port.ts).
 * - `workers`: the pool size; `delegate`: where the model runs (CPU | GPU).
 * - `landmarks=1`: faces carry their landmark points too (for de-identified clips; the analysis does not keep them).
 * - `faces`: the most faces the face model looks for in a frame (the people in the recording).
 */
import type { VisionDelegate } from './types.ts';

export type FrameChannelParams = { kind: 'socket'; url: string } | { kind: 'port' };

export interface VisionPageParams {
  channel: FrameChannelParams;
  workers: number;
  delegate: VisionDelegate;
  faceLandmarks: boolean;
  maxFaces: number;
}

/** A session has two people (client and therapist); a couple or a family in the room, up to four more. */
export const MAX_FACES_LIMIT = 6;

/** Whether n is a number of people Attune can follow: a whole number from 1 to MAX_FACES_LIMIT. */
export function isFaceCount(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= MAX_FACES_LIMIT;
}

export function visionPageQuery(params: VisionPageParams): string {
  const query = new URLSearchParams({ channel: params.channel.kind });
  if (params.channel.kind === 'socket') query.set('socket', params.channel.url);
  query.set('workers', String(params.workers));
  query.set('delegate', params.delegate);
  if (params.faceLandmarks) query.set('landmarks', '1');
  query.set('faces', String(params.maxFaces));
  return query.toString();
}

/** Throws a plain message naming the bad setting: the page reports it as a fatal start-up error. */
export function parseVisionPageQuery(search: string): VisionPageParams {
  const query = new URLSearchParams(search);
  const kind = query.get('channel');
  let channel: FrameChannelParams;
  if (kind === 'port') channel = { kind };
  else if (kind === 'socket') {
    const url = query.get('socket');
    if (!url || !URL.canParse(url) || new URL(url).protocol !== 'ws:') throw new Error(`vision page opened with channel=socket but no ws:// socket URL`);
    channel = { kind, url };
  } else throw new Error(`vision page opened without a frame channel (channel=${kind ?? 'missing'})`);
  const workers = Number(query.get('workers'));
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new Error(`vision page opened with a bad worker count (workers=${query.get('workers') ?? 'missing'})`);
  const delegate = query.get('delegate');
  if (delegate !== 'CPU' && delegate !== 'GPU') throw new Error(`unknown delegate "${delegate ?? 'missing'}"`);
  const landmarks = query.get('landmarks');
  if (landmarks !== null && landmarks !== '1') throw new Error(`vision page opened with landmarks=${landmarks}`);
  const maxFaces = Number(query.get('faces'));
  if (!isFaceCount(maxFaces)) throw new Error(`vision page opened with a bad face count (faces=${query.get('faces') ?? 'missing'})`);
  return { channel, workers, delegate, faceLandmarks: landmarks === '1', maxFaces };
}
