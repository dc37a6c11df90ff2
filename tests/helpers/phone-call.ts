/**
 * Audio-only two-voice recordings with a known truth (a phone session): RAVDESS actor 05 (a man) and
 * actress 04 (a woman) take turns; each clip's silent ends are cut off (ffmpeg silenceremove), and the
 * next speaker starts `overlapSec` before the previous one stops, so the two talk at once briefly at
 * every change. Each clip is about 1.2–2.3 s of speech. Written as 16 kHz mono AAC in .m4a, as a phone app would record.
 */
import { join } from 'node:path';
import { durationOf, ffmpeg } from './ffmpeg.ts';
import { speech } from './paths.ts';

export interface VoiceTurn {
  startSec: number;
  endSec: number;
  speaker: 'man' | 'woman';
}

export const MAN = [
  '03-01-01-01-01-01-05.wav', '03-01-02-01-01-01-05.wav', '03-01-03-02-01-01-05.wav', '03-01-04-01-01-01-05.wav', '03-01-05-01-01-01-05.wav',
  '03-01-04-02-01-01-05.wav', '03-01-05-02-01-01-05.wav', '03-01-06-02-01-01-05.wav', '03-01-07-02-01-01-05.wav', '03-01-08-02-01-01-05.wav',
];
export const WOMAN = ['03-01-01-01-01-01-04.wav', '03-01-03-02-01-01-04.wav', '03-01-04-02-01-01-04.wav', '03-01-05-02-01-01-04.wav'];

/**
 * The clip with the silence before and after the speech removed (below −60 dBFS: the clips' own floor is
 * lower, their quietest speech higher), brought to one loudness (−24 LUFS) as a phone's gain control would.
 */
function trimmed(clip: string, dir: string, name: string): string {
  const out = join(dir, `${name}.wav`);
  const cut = 'silenceremove=start_periods=1:start_threshold=-60dB:start_duration=0.05';
  ffmpeg('-i', speech(clip), '-af', `${cut},areverse,${cut},areverse,loudnorm=I=-24:TP=-2,aresample=16000`, '-ac', '1', out);
  return out;
}

/**
 * `turns` names who speaks in each turn and which of their clips; a pause of `pauseSec` separates turns
 * of the same speaker, `overlapSec` of talking at once joins turns of different speakers.
 */
export function makePhoneCall(
  file: string,
  dir: string,
  turns: { speaker: 'man' | 'woman'; clip: string }[],
  { overlapSec = 0.4, pauseSec = 0.6, gainDb = { man: 0, woman: 0 } } = {},
): VoiceTurn[] {
  const truth: VoiceTurn[] = [];
  const inputs: string[] = [];
  const delayed: string[] = [];
  let end = 0;
  turns.forEach(({ speaker, clip }, i) => {
    const path = trimmed(clip, dir, `turn${i}`);
    const sec = durationOf(path);
    const previous = truth.at(-1);
    const start = previous === undefined ? 0.5 : previous.speaker === speaker ? end + pauseSec : end - overlapSec;
    truth.push({ startSec: start, endSec: start + sec, speaker });
    end = start + sec;
    inputs.push('-i', path);
    delayed.push(`[${i}:a]volume=${gainDb[speaker]}dB,adelay=${Math.round(start * 1000)}:all=1[d${i}]`);
  });
  const mix = `${delayed.map((_, i) => `[d${i}]`).join('')}amix=inputs=${turns.length}:normalize=0:duration=longest,apad=pad_dur=0.5[a]`;
  ffmpeg(...inputs, '-filter_complex', [...delayed, mix].join(';'), '-map', '[a]', '-ac', '1', '-ar', '16000', '-c:a', 'aac', '-b:a', '48k', file);
  return truth;
}
