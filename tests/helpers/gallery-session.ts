/**
 * A telehealth gallery recording with a known truth for "why it was easy to miss" (640×240, 25 fps):
 *
 * - left, the client: Yale subject 01's stills — neutral until CHANGES[0], smiling until CHANGES[1],
 *   then frowning to the end. Stills: the client never talks, and their face changes only at the two times.
 * - right, the therapist: RAVDESS actor 05 says his lines (his own clips, sound and picture) every
 *   few seconds, one of them placed so he is speaking across the first change; from THERAPIST_FALLS_SILENT
 *   on, his picture is frozen and there is no sound: silent and still at the second change.
 */
import { ffmpeg } from './ffmpeg.ts';
import { SHARED, video } from './paths.ts';
import { join } from 'node:path';

const FPS = 25;
const RATE = 48_000;
export const DURATION_SEC = 90;
/** The client's expression changes: neutral → smiling, smiling → frowning. */
export const CHANGES = [30, 65] as const;
export const THERAPIST_FALLS_SILENT = 50;
/** Where the therapist's clips start. The RAVDESS clips speak from about 0.9 s to 2.5 s of their 3.2 s; the clip at 28.3 s speaks across 30 s. */
const TALK_AT = [4, 10, 16, 22, 28.3, 36, 43];
const CLIP = '01-01-01-01-02-01-05.mp4';
const CLIP_SEC = 3.16;

const still = (name: string) => join(SHARED, 'media', 'faces', name);
const tile = `scale=320:240:force_original_aspect_ratio=decrease,pad=320:240:(ow-iw)/2:(oh-ih)/2:white,setsar=1,fps=${FPS},format=yuv420p`;
const face = `crop=720:720,scale=240:240,pad=320:240:40:0:white,setsar=1,fps=${FPS},format=yuv420p`;
const mono = `aresample=${RATE},aformat=sample_fmts=fltp:channel_layouts=mono`;

export function makeGallerySession(file: string): void {
  const inputs: string[] = [];
  const parts: string[] = [];
  // The client: three stills, each looped for its span.
  const spans: [string, number][] = [
    ['yale_subject01.normal.gif', CHANGES[0]],
    ['yale_subject01.happy.gif', CHANGES[1] - CHANGES[0]],
    ['yale_subject01.sad.gif', DURATION_SEC - CHANGES[1]],
  ];
  spans.forEach(([name, sec], i) => {
    inputs.push('-i', still(name));
    parts.push(`[${i}:v]loop=loop=-1:size=1,setpts=N/${FPS}/TB,${tile},trim=duration=${sec},setpts=PTS-STARTPTS[c${i}]`);
  });
  parts.push(`[c0][c1][c2]concat=n=3:v=1:a=0[client]`);
  // The therapist: a frozen frame between clips, each clip with its own sound.
  const pieces: string[] = [];
  let at = 0;
  let n = spans.length;
  const hold = (sec: number, k: number) => {
    inputs.push('-i', video(CLIP));
    parts.push(
      `[${n}:v]${face},trim=start_frame=0:end_frame=1,tpad=stop_mode=clone:stop_duration=${sec},trim=duration=${sec},setpts=PTS-STARTPTS[hv${k}]`,
      `anullsrc=r=${RATE}:cl=mono,atrim=duration=${sec}[ha${k}]`,
    );
    n++;
    pieces.push(`[hv${k}][ha${k}]`);
  };
  TALK_AT.forEach((start, k) => {
    if (start > at) hold(start - at, k);
    inputs.push('-i', video(CLIP));
    parts.push(`[${n}:v]${face},trim=duration=${CLIP_SEC},setpts=PTS-STARTPTS[tv${k}]`, `[${n}:a]${mono},apad,atrim=duration=${CLIP_SEC}[ta${k}]`);
    n++;
    pieces.push(`[tv${k}][ta${k}]`);
    at = start + CLIP_SEC;
  });
  hold(DURATION_SEC - at, TALK_AT.length);
  parts.push(`${pieces.join('')}concat=n=${pieces.length}:v=1:a=1[therapist][a]`, '[client][therapist]hstack=inputs=2[v]');
  ffmpeg(
    ...inputs,
    '-filter_complex', parts.join(';'),
    '-map', '[v]', '-map', '[a]',
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-c:a', 'aac', '-b:a', '96k', '-t', String(DURATION_SEC), file,
  );
}
