/**
 * A small JPEG of one person's face, cut from the recording at the moment their face was seen largest,
 * so the user can tell who is who when assigning roles. Made on demand and never written to disk.
 */
import { basename } from 'node:path';
import { damagedError } from './damage.ts';
import { runFfmpeg } from './run-ffmpeg.ts';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The face box grown by a margin (hair, chin) and kept inside the frame, as fractions of the frame. */
export function thumbnailCrop(box: Box, margin = 0.35): Box {
  const x = Math.max(0, box.x - box.w * margin);
  const y = Math.max(0, box.y - box.h * margin);
  return { x, y, w: Math.min(1 - x, box.w * (1 + 2 * margin)), h: Math.min(1 - y, box.h * (1 + 2 * margin)) };
}

export async function extractThumbnail(
  videoPath: string,
  t: number,
  box: Box,
  options: { maxSide?: number; signal?: AbortSignal } = {},
): Promise<Buffer> {
  const c = thumbnailCrop(box);
  const side = options.maxSide ?? 160;
  const run = runFfmpeg(
    [
      '-loglevel', 'level+error',
      '-ss', t.toFixed(3), '-i', videoPath,
      '-frames:v', '1', '-an',
      '-vf', `crop=iw*${c.w.toFixed(4)}:ih*${c.h.toFixed(4)}:iw*${c.x.toFixed(4)}:ih*${c.y.toFixed(4)},scale=${side}:${side}:force_original_aspect_ratio=decrease`,
      '-c:v', 'mjpeg', '-q:v', '4', '-f', 'image2pipe', 'pipe:1',
    ],
    () => undefined,
    options.signal,
  );
  const parts: Buffer[] = [];
  for await (const chunk of run.stdout) parts.push(chunk as Buffer);
  const { code, errors } = await run.done;
  const jpeg = Buffer.concat(parts);
  if (code !== 0 || jpeg.length === 0) throw damagedError(basename(videoPath), 'video', errors);
  return jpeg;
}
