/**
 * Two-person recordings with a known truth about who speaks when, made from the shared clips with the
 * real ffmpeg (640×240, 25 fps, 48 kHz mono):
 *
 * - `offCamera`: on the left RAVDESS actor 05 says his line (his own clip, sound and picture); then his
 *   picture freezes while the RAVDESS actress 04 — never in view — says hers; and so on, eight turns. On
 *   the right the silent webcam man (default.wmv, looped) listens throughout.
 * - `bothInView`: actor 05 talks in the left tile, then in the right tile, twice over, while the other tile
 *   holds the frozen last frame of his previous turn: the same voice from two places, so only the picture
 *   can say who is talking.
 *
 * - `atOnce`: actor 05 talks in the left tile, then in both tiles at once (two different clips, both
 *   sounds mixed), then in the right tile, twice over; a still tile holds its last frame.
 *
 * The truth is each turn's span and who had it ('left', 'right' or 'off-camera'); the RAVDESS files have
 * silence at both ends, so every turn is separated by a pause.
 */
import { durationOf, ffmpeg } from './ffmpeg.ts';
import { speech, video } from './paths.ts';

export type TurnOwner = 'left' | 'right' | 'off-camera' | 'both';
export interface Turn {
  startSec: number;
  endSec: number;
  owner: TurnOwner;
  /** For 'both': the two clips whose sounds were mixed, each played from its start at startSec. */
  clips?: [string, string];
}

const CLIPS = ['01-01-01-01-02-01-05.mp4', '01-01-03-01-01-02-05.mp4', '01-01-06-02-02-02-05.mp4'].map(video);
const ACTRESS = ['03-01-01-01-01-01-04.wav', '03-01-03-02-01-01-04.wav', '03-01-04-02-01-01-04.wav', '03-01-05-02-01-01-04.wav'].map(speech);
const FPS = 25;
const RATE = 48_000;
/** The face fills most of the tile: the clips are cropped to the square around the actor, as a video call frames a face. */
const face = `crop=720:720,scale=240:240,fps=${FPS},pad=320:240:40:0:white,setsar=1`;
const tile = `fps=${FPS},scale=320:240:force_original_aspect_ratio=decrease,pad=320:240:(ow-iw)/2:(oh-ih)/2,setsar=1`;
const mono = `aresample=${RATE},aformat=sample_fmts=fltp:channel_layouts=mono`;

/** Whole frames, so each turn's span in the picture and in the sound is the same. */
const frames = (sec: number) => Math.round(sec * FPS) / FPS;

export function makeOffCameraConversation(file: string): Turn[] {
  const turns: Turn[] = [];
  const inputs: string[] = [];
  const parts: string[] = [];
  const pieces: string[] = [];
  let at = 0;
  for (let i = 0; i < 8; i++) {
    const clip = CLIPS[i % CLIPS.length]!;
    const voice = ACTRESS[i % ACTRESS.length]!;
    const clipSec = frames(durationOf(clip));
    const voiceSec = frames(durationOf(voice));
    const c = inputs.length / 2;
    inputs.push('-i', clip, '-i', voice);
    parts.push(
      `[${c}:v]${face},trim=end=${clipSec},tpad=stop_mode=clone:stop_duration=${voiceSec},setpts=PTS-STARTPTS[v${i}]`,
      `[${c}:a]${mono},apad,atrim=end=${clipSec}[ca${i}]`,
      `[${c + 1}:a]${mono},apad,atrim=end=${voiceSec}[wa${i}]`,
      `[ca${i}][wa${i}]concat=n=2:v=0:a=1[a${i}]`,
    );
    pieces.push(`[v${i}][a${i}]`);
    turns.push({ startSec: at, endSec: at + clipSec, owner: 'left' }, { startSec: at + clipSec, endSec: at + clipSec + voiceSec, owner: 'off-camera' });
    at += clipSec + voiceSec;
  }
  const listener = inputs.length / 2;
  inputs.push('-stream_loop', '-1', '-i', video('default.wmv'));
  parts.push(
    `${pieces.join('')}concat=n=${pieces.length}:v=1:a=1[left][a]`,
    `[${listener}:v]${tile},trim=end=${at},setpts=PTS-STARTPTS[right]`,
    '[left][right]hstack=inputs=2[v]',
  );
  encode(file, inputs, parts);
  return turns;
}

export function makeBothInViewConversation(file: string): Turn[] {
  const turns: Turn[] = [];
  const inputs: string[] = [];
  const parts: string[] = [];
  const pieces: string[] = [];
  let at = 0;
  // Each turn: the talking tile plays a clip; the other tile shows the last frame of its own previous clip.
  const sides: ('left' | 'right')[] = ['left', 'right', 'left', 'right', 'left', 'right'];
  let still = { left: '', right: '' };
  sides.forEach((side, i) => {
    const clip = CLIPS[i % CLIPS.length]!;
    const clipSec = frames(durationOf(clip));
    const c = inputs.length;
    inputs.push('-i', clip);
    const other = side === 'left' ? 'right' : 'left';
    // The other tile: a frame of the clip it last played (or of this one, before it has spoken), held.
    const heldFrom = still[other] || clip;
    inputs.push('-i', heldFrom);
    parts.push(
      `[${c / 2}:v]${face},trim=end=${clipSec},setpts=PTS-STARTPTS[talk${i}]`,
      `[${c / 2 + 1}:v]${face},trim=start_frame=0:end_frame=1,tpad=stop_mode=clone:stop_duration=${clipSec},trim=end=${clipSec},setpts=PTS-STARTPTS[held${i}]`,
      side === 'left' ? `[talk${i}][held${i}]hstack=inputs=2[v${i}]` : `[held${i}][talk${i}]hstack=inputs=2[v${i}]`,
      `[${c / 2}:a]${mono},apad,atrim=end=${clipSec}[a${i}]`,
    );
    pieces.push(`[v${i}][a${i}]`);
    turns.push({ startSec: at, endSec: at + clipSec, owner: side });
    still = { ...still, [side]: clip };
    at += clipSec;
  });
  parts.push(`${pieces.join('')}concat=n=${pieces.length}:v=1:a=1[v][a]`);
  encode(file, inputs, parts);
  return turns;
}

export function makeTalkingAtOnce(file: string): Turn[] {
  const turns: Turn[] = [];
  const inputs: string[] = [];
  const parts: string[] = [];
  const pieces: string[] = [];
  let at = 0;
  const plan: TurnOwner[] = ['left', 'both', 'right', 'left', 'both', 'right'];
  plan.forEach((owner, i) => {
    const [a, b] = [CLIPS[i % CLIPS.length]!, CLIPS[(i + 1) % CLIPS.length]!];
    const sec = frames(Math.min(durationOf(a), durationOf(b)));
    const n = inputs.length / 2;
    inputs.push('-i', a, '-i', b);
    const moving = (input: number, label: string) => `[${input}:v]${face},trim=end=${sec},setpts=PTS-STARTPTS[${label}]`;
    const held = (input: number, label: string) =>
      `[${input}:v]${face},trim=start_frame=0:end_frame=1,tpad=stop_mode=clone:stop_duration=${sec},trim=end=${sec},setpts=PTS-STARTPTS[${label}]`;
    parts.push(
      owner === 'right' ? held(n, `l${i}`) : moving(n, `l${i}`),
      owner === 'left' ? held(n + 1, `r${i}`) : moving(n + 1, `r${i}`),
      `[l${i}][r${i}]hstack=inputs=2[v${i}]`,
      `[${n}:a]${mono},apad,atrim=end=${sec}[la${i}]`,
      `[${n + 1}:a]${mono},apad,atrim=end=${sec}[ra${i}]`,
      owner === 'both' ? `[la${i}][ra${i}]amix=inputs=2:normalize=0[a${i}]` : owner === 'left' ? `[la${i}]anull[a${i}];[ra${i}]anullsink` : `[ra${i}]anull[a${i}];[la${i}]anullsink`,
    );
    pieces.push(`[v${i}][a${i}]`);
    turns.push({ startSec: at, endSec: at + sec, owner, ...(owner === 'both' ? { clips: [a, b] as [string, string] } : {}) });
    at += sec;
  });
  parts.push(`${pieces.join('')}concat=n=${pieces.length}:v=1:a=1[v][a]`);
  encode(file, inputs, parts);
  return turns;
}

function encode(file: string, inputs: string[], parts: string[]): void {
  ffmpeg(
    ...inputs,
    '-filter_complex', parts.join(';'),
    '-map', '[v]', '-map', '[a]',
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-c:a', 'aac', '-b:a', '96k', '-shortest', file,
  );
}
