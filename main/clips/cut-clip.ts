/**
 * A short clip of the recording, cut by ffmpeg straight into memory: small (longest side 640 px, H.264
 * and AAC, mono), with the recording's own metadata (title, place, device) left out. Fragmented MP4,
 * because a pipe cannot be rewound to write an index at the front; every player Attune's users have
 * (browsers, VLC, QuickTime) plays it.
 */
import { basename } from 'node:path';
import type { ClipWindow } from '../../lib/clips/clip-windows.ts';
import { damagedError } from '../media/damage.ts';
import { fitWithin } from '../media/decode-video.ts';
import { runFfmpeg, type FfmpegRun } from '../media/run-ffmpeg.ts';

export const CLIP_MAX_SIDE = 640;

/** The encoding every clip shares, after its inputs and filters. */
export const CLIP_OUTPUT_ARGS = [
  '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '26', '-pix_fmt', 'yuv420p',
  '-c:a', 'aac', '-b:a', '96k', '-ac', '1',
  '-map_metadata', '-1', '-map_chapters', '-1',
  '-movflags', 'frag_keyframe+empty_moov+default_base_moof',
  '-f', 'mp4', 'pipe:1',
];

/** What an ffmpeg run writes to its stdout, whole; a damaged-recording error when it fails or writes nothing. */
export async function collectClip(run: FfmpegRun, file: string, signal?: AbortSignal): Promise<Buffer> {
  const pieces: Buffer[] = [];
  try {
    for await (const piece of run.stdout) pieces.push(piece as Buffer);
    const { code, errors } = await run.done;
    signal?.throwIfAborted();
    if (code !== 0 || pieces.length === 0) throw damagedError(basename(file), 'video', errors);
    return Buffer.concat(pieces);
  } finally {
    run.kill();
  }
}

export function cutClip(file: string, window: ClipWindow, signal?: AbortSignal): Promise<Buffer> {
  const run = runFfmpeg(
    ['-loglevel', 'level+error',
      '-ss', String(window.startSec), '-i', file, '-t', String(window.endSec - window.startSec),
      '-map', '0:v:0?', '-map', '0:a:0?', '-sn', '-dn',
      '-vf', fitWithin(CLIP_MAX_SIDE),
      ...CLIP_OUTPUT_ARGS,
    ],
    () => {},
    signal,
  );
  return collectClip(run, file, signal);
}
