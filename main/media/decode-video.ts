/**
 * Streams a recording's video as small RGBA frames at the analysis rate, each with its real presentation
 * time, counted from the start of the recording (ffmpeg itself subtracts the container's start time).
 * Times never go backwards (monotonic-pts.ts). ffmpeg's `select` keeps the first frame of every 1/fps slot by timestamp (not by frame count), so
 * variable-frame-rate recordings do not drift; `showinfo` reports each kept frame's pts and size.
 * Nothing is decoded to disk and at most a few frames are held in memory: the pipe pauses ffmpeg
 * while the consumer is busy.
 */
import { basename } from 'node:path';
import { parseShowinfoFrame, type ShowinfoFrame } from '../../lib/media/ffmpeg-log.ts';
import type { VideoFrame } from '../../lib/media/types.ts';
import { ByteQueue } from './byte-queue.ts';
import { damagedError } from './damage.ts';
import { MONOTONIC_VIDEO_PTS } from './monotonic-pts.ts';
import { runFfmpeg } from './run-ffmpeg.ts';

export interface VideoDecodeOptions {
  /** Frames per second of media to keep. */
  fps: number;
  /** Longest side of the delivered frames, in pixels (smaller sources are not enlarged). */
  maxSide: number;
  /** Only this stretch of the recording (a clip); frame times are then counted from its start. */
  range?: { startSec: number; durationSec: number };
  signal?: AbortSignal;
}

/** ffmpeg's scale to fit within `maxSide` on the longer side: -2 keeps the aspect ratio with an even size; min() never enlarges a small source. */
export const fitWithin = (maxSide: number): string => `scale='if(gte(iw,ih),min(${maxSide},iw),-2)':'if(gte(iw,ih),-2,min(${maxSide},ih))'`;

export function videoFilter(fps: number, maxSide: number): string {
  const slot = `floor(t*${fps})`;
  const select = `select='isnan(prev_selected_t)+gt(${slot},floor(prev_selected_t*${fps}))'`;
  const scale = `${fitWithin(maxSide)}:flags=area`;
  return `${MONOTONIC_VIDEO_PTS},${select},${scale},showinfo`;
}

export async function* decodeVideoFrames(file: string, options: VideoDecodeOptions): AsyncGenerator<VideoFrame> {
  const infos: ShowinfoFrame[] = [];
  const run = runFfmpeg(
    [
      '-loglevel', 'level+info',
      ...(options.range ? ['-ss', String(options.range.startSec), '-t', String(options.range.durationSec)] : []),
      '-i', file,
      '-map', '0:v:0', '-an', '-sn', '-dn',
      '-vf', videoFilter(options.fps, options.maxSide),
      '-fps_mode', 'passthrough',
      '-pix_fmt', 'rgba',
      '-f', 'rawvideo', 'pipe:1',
    ],
    (line) => {
      const frame = parseShowinfoFrame(line);
      if (frame) infos.push(frame);
    },
    options.signal,
  );
  const bytes = new ByteQueue();
  function* ready(): Generator<VideoFrame> {
    for (;;) {
      const info = infos[0];
      if (!info) return;
      const size = info.width * info.height * 4;
      if (bytes.length < size) return;
      infos.shift();
      yield { t: info.ptsTime, width: info.width, height: info.height, rgba: bytes.take(size) };
    }
  }
  try {
    for await (const chunk of run.stdout) {
      bytes.push(chunk as Buffer);
      yield* ready();
    }
    const { code, errors } = await run.done;
    yield* ready();
    options.signal?.throwIfAborted();
    if (code !== 0 || errors.length > 0 || bytes.length > 0) throw damagedError(basename(file), 'video', errors);
  } finally {
    run.kill();
  }
}
