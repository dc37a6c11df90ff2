/** The benchmarks' long inputs, built once into bench-output/ (ignored by git) from shared recordings. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { durationOf, ffmpeg } from '../helpers/ffmpeg.ts';
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

/** A calm session with known changes: where they are, and the file. */
export interface CalmSession {
  file: string;
  /** Each inserted expressive clip, [start, end] in seconds. */
  changes: [number, number][];
}

/**
 * About three minutes of one face talking calmly with six known changes: RAVDESS actor 05's neutral
 * clip played forwards then backwards (so no cut jumps the face), four times, then the same actor happy
 * or fearful (alternately), six times over. Most of it is like the stretches of a session in which
 * nothing changes; the inserted clips are where something does.
 */
export function calmSession(): CalmSession {
  const dir = join(BENCH_OUTPUT, 'calm');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'calm-session.mp4');
  const pieces = { calm: join(dir, 'neutral-there-and-back.mp4'), happy: join(dir, 'happy.mp4'), fearful: join(dir, 'fearful.mp4') };
  const encode = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-c:a', 'aac', '-ar', '48000', '-ac', '2'];
  const sameFormat = 'fps=30,scale=1280:720,setsar=1';
  // Six times over: the calm piece four times, then happy or fearful in turn.
  const order = Array.from({ length: 6 }, (_, i) => [...Array<string>(4).fill(pieces.calm), i % 2 === 0 ? pieces.happy : pieces.fearful]).flat();
  if (!existsSync(file)) {
    ffmpeg('-i', video('01-01-01-01-02-01-05.mp4'), '-filter_complex', `[0:v]split[a][b];[b]reverse[r];[a][r]concat=n=2:v=1:a=0,${sameFormat}[v];[0:a]asplit[x][y];[y]areverse[ry];[x][ry]concat=n=2:v=0:a=1[s]`, '-map', '[v]', '-map', '[s]', ...encode, pieces.calm);
    ffmpeg('-i', video('01-01-03-01-01-02-05.mp4'), '-vf', sameFormat, ...encode, pieces.happy);
    ffmpeg('-i', video('01-01-06-02-02-02-05.mp4'), '-vf', sameFormat, ...encode, pieces.fearful);
    const list = join(dir, 'list.txt');
    writeFileSync(list, order.map((p) => `file '${p}'\n`).join(''));
    ffmpeg('-f', 'concat', '-safe', '0', '-i', list, ...encode, file);
  }
  // The changes are where the order puts the expressive pieces.
  const lengths = new Map(Object.values(pieces).map((piece) => [piece, durationOf(piece)]));
  const changes: [number, number][] = [];
  let t = 0;
  for (const piece of order) {
    const length = lengths.get(piece)!;
    if (piece !== pieces.calm) changes.push([t, t + length]);
    t += length;
  }
  return { file, changes };
}
