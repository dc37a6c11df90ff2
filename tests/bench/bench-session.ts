/** The benchmarks' long inputs, built once into bench-output/ (ignored by git) from shared recordings. */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ffmpeg } from '../helpers/ffmpeg.ts';
import { REPO, video } from '../helpers/paths.ts';

export const BENCH_OUTPUT = join(REPO, 'bench-output');

/** The recording the long inputs repeat (9.5 s): made by the first longInput. */
export const LOOPED_BASE = join(BENCH_OUTPUT, 'base.mp4');

/** RAVDESS actor 05 neutral, happy, fearful: a real face talking with sound, looped to the length asked for. */
export function longInput(min: number): string {
  mkdirSync(BENCH_OUTPUT, { recursive: true });
  if (!existsSync(LOOPED_BASE)) {
    const clips = ['01-01-01-01-02-01-05.mp4', '01-01-03-01-01-02-05.mp4', '01-01-06-02-02-02-05.mp4'].map(video);
    ffmpeg(...clips.flatMap((c) => ['-i', c]), '-filter_complex', '[0:v][0:a][1:v][1:a][2:v][2:a]concat=n=3:v=1:a=1[v][a]', '-map', '[v]', '-map', '[a]', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-c:a', 'aac', LOOPED_BASE);
  }
  const file = join(BENCH_OUTPUT, `session-${min}min.mp4`);
  if (!existsSync(file)) ffmpeg('-stream_loop', '-1', '-i', LOOPED_BASE, '-t', String(min * 60), '-c', 'copy', file);
  return file;
}
