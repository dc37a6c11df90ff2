/**
 * The audio analysis on the real RAVDESS speech clips (../shared/media/speech, MANIFEST.md), decoded by
 * the app's own decoder, checked against outside references: Praat's pitch tracker for F0 and for where
 * the actor voices, ffmpeg's volumedetect for level, and the manifest's labels and levels.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, test } from 'vitest';
import { type AudioAnalysis, AudioFrameAnalyser } from '../../lib/audio/frame-analyser.ts';
import { decodeAudio } from '../../main/media/decode-audio.ts';
import { scratch, SHARED, speech } from '../helpers/paths.ts';

const CLIPS = readdirSync(join(SHARED, 'media', 'speech')).filter((name) => name.endsWith('.wav')).sort();
const results = new Map<string, AudioAnalysis>();

beforeAll(async () => {
  for (const clip of CLIPS) {
    const analyser = new AudioFrameAnalyser();
    for await (const chunk of decodeAudio(speech(clip))) analyser.push(chunk);
    results.set(clip, analyser.finish());
  }
});

function result(clip: string): AudioAnalysis {
  const analysis = results.get(clip);
  assert.ok(analysis, `no analysis of ${clip}`);
  return analysis;
}

/** RAVDESS names: modality-channel-emotion-intensity-statement-repetition-actor. */
const actorOf = (clip: string): string => clip.slice(18, 20);
const clipOf = (actor: string, emotion: string, intensity: string): string => `03-01-${emotion}-${intensity}-01-01-${actor}.wav`;

function voicedF0(analysis: AudioAnalysis): number[] {
  return [...analysis.f0Hz].filter((f0) => !Number.isNaN(f0));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] as number;
}

test('all 14 clips were found and analysed', () => {
  assert.equal(CLIPS.length, 14);
  for (const clip of CLIPS) assert.ok(result(clip).speech.some((s) => s === 1), `${clip} has speech`);
});

test('every voiced frame of every clip is in the 60–500 Hz voice range; unvoiced frames are NaN (null), never 0', () => {
  for (const clip of CLIPS) {
    for (const f0 of result(clip).f0Hz) assert.ok(Number.isNaN(f0) || (f0 >= 60 && f0 <= 500), `${clip}: ${f0}`);
  }
});

test('the male actor (05) speaks lower than the female actor (04) in every emotion both recorded', () => {
  for (const [emotion, intensity] of [['01', '01'], ['03', '02'], ['04', '02'], ['05', '02']] as const) {
    const male = median(voicedF0(result(clipOf('05', emotion, intensity))));
    const female = median(voicedF0(result(clipOf('04', emotion, intensity))));
    assert.ok(male < female, `emotion ${emotion}: male ${male.toFixed(1)} Hz, female ${female.toFixed(1)} Hz`);
  }
});

test('neutral median F0 is in the usual adult speaking range: 85–180 Hz for the man, 165–255 Hz for the woman', () => {
  // The textbook ranges of adult speaking F0 (e.g. Titze, Principles of Voice Production).
  const male = median(voicedF0(result(clipOf('05', '01', '01'))));
  const female = median(voicedF0(result(clipOf('04', '01', '01'))));
  assert.ok(male >= 85 && male <= 180, `male ${male}`);
  assert.ok(female >= 165 && female <= 255, `female ${female}`);
});

test('ffmpeg volumedetect and the mean of our frame levels agree within 0.5 dB on every clip', () => {
  // Both average the power of the same 16 kHz signal; ours over overlapping 25 ms windows, which weight
  // every sample alike except in the first and last 25 ms.
  for (const clip of CLIPS) {
    const { stderr } = spawnSync(
      'ffmpeg',
      ['-hide_banner', '-nostdin', '-i', speech(clip), '-ac', '1', '-ar', '16000', '-af', 'volumedetect', '-f', 'null', '-'],
      { encoding: 'utf8' },
    );
    const match = /mean_volume: (-?[\d.]+) dB/.exec(stderr);
    assert.ok(match, 'volumedetect reported a mean');
    const levels = result(clip).loudnessDb;
    const meanPower = levels.reduce((sum, db) => sum + 10 ** (db / 10), 0) / levels.length;
    const ours = 10 * Math.log10(meanPower);
    assert.ok(Math.abs(ours - Number(match[1])) < 0.5, `${clip}: ours ${ours.toFixed(2)} dB, ffmpeg ${match[1]} dB`);
  }
});

test('actor 05: angry-strong is the loudest speech and sad-normal the quietest, as the manifest states', () => {
  // MANIFEST.md: actor 05's levels run from about −58 dBFS (sad, normal) to −23 dBFS (angry, strong).
  const speechLevel = (clip: string): number => {
    const analysis = result(clip);
    return median([...analysis.loudnessDb].filter((_, i) => analysis.speech[i] === 1));
  };
  const actor05 = CLIPS.filter((clip) => actorOf(clip) === '05').map((clip) => ({ clip, level: speechLevel(clip) }));
  actor05.sort((a, b) => a.level - b.level);
  assert.equal(actor05.at(-1)?.clip, clipOf('05', '05', '02'));
  assert.equal(actor05[0]?.clip, clipOf('05', '04', '01'));
  const angry = speechLevel(clipOf('05', '05', '02'));
  const neutral = speechLevel(clipOf('05', '01', '01'));
  assert.ok(angry - neutral > 20, `angry ${angry.toFixed(1)} dB vs neutral ${neutral.toFixed(1)} dB`);
});

/** Praat's pitch track (autocorrelation method, 10 ms steps, 60–500 Hz): [time, F0] of its voiced frames. */
function praatPitch(file: string, script: string): [number, number][] {
  const output = execFileSync('praat', ['--run', script, file], { encoding: 'utf8' });
  return output
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([, f0]) => f0 !== undefined && f0 !== '--undefined--')
    .map(([t, f0]) => [Number(t), Number(f0)]);
}

const praatInstalled = ((): boolean => {
  try {
    execFileSync('praat', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const tmp = scratch('audio-praat');
afterAll(tmp.remove);
const PRAAT_SCRIPT = join(tmp.dir, 'pitch.praat');
writeFileSync(
  PRAAT_SCRIPT,
  [
    'form Pitch',
    '  sentence file',
    'endform',
    'Read from file: file$',
    'To Pitch: 0.01, 60, 500',
    'n = Get number of frames',
    'for i to n',
    '  t = Get time from frame number: i',
    '  f = Get value in frame: i, "Hertz"',
    '  appendInfoLine: fixed$(t, 4), " ", fixed$(f, 3)',
    'endfor',
  ].join('\n'),
);

test('F0 agrees with Praat on the frames both call voiced', (context) => {
  context.skip(!praatInstalled, 'praat is not installed');
  // Praat's frames fall a few ms from ours and its path search smooths F0 across frames, so single frames
  // differ by about a percent on a moving pitch; the median ratio must be within 1 %. Octave-type
  // disagreements (over 20 %) happen where the voice breaks or creaks and neither tracker is sure: at most
  // 15 % of a clip's frames, 5 % over all clips.
  let agreeing = 0;
  let compared = 0;
  for (const clip of CLIPS) {
    const analysis = result(clip);
    const ratios: number[] = [];
    for (const [t, praatF0] of praatPitch(speech(clip), PRAAT_SCRIPT)) {
      const f0 = analysis.f0Hz[Math.round((t - analysis.t0) / analysis.hopSec)];
      if (f0 !== undefined && !Number.isNaN(f0)) ratios.push(f0 / praatF0);
    }
    const close = ratios.filter((r) => Math.abs(r - 1) < 0.2).length;
    assert.ok(ratios.length > 30, `${clip}: only ${ratios.length} frames to compare`);
    assert.ok(Math.abs(median(ratios) - 1) < 0.01, `${clip}: median ratio ${median(ratios)}`);
    assert.ok(close >= 0.85 * ratios.length, `${clip}: ${close} of ${ratios.length} within 20 %`);
    agreeing += close;
    compared += ratios.length;
  }
  assert.ok(agreeing >= 0.95 * compared, `${agreeing} of ${compared} frames within 20 %`);
});

test('speech is detected where the actor voices, and not in the silence before and after', (context) => {
  context.skip(!praatInstalled, 'praat is not installed');
  // Where Praat finds voicing is where the actor talks. Speech may reach past the voicing by the
  // unvoiced sounds around it (an initial /k/, a breathy release), a few hundred ms at most.
  const AROUND_VOICING_SEC = 0.5;
  for (const clip of CLIPS) {
    const analysis = result(clip);
    const voiced = praatPitch(speech(clip), PRAAT_SCRIPT).map(([t]) => t);
    const inSpeech = voiced.filter((t) => analysis.speech[Math.round((t - analysis.t0) / analysis.hopSec)] === 1);
    assert.ok(inSpeech.length >= 0.95 * voiced.length, `${clip}: ${inSpeech.length} of ${voiced.length} voiced frames in speech`);
    const first = (voiced[0] as number) - AROUND_VOICING_SEC;
    const last = (voiced.at(-1) as number) + AROUND_VOICING_SEC;
    for (const segment of analysis.segments) {
      assert.ok(segment.startSec >= first && segment.endSec <= last, `${clip}: speech ${JSON.stringify(segment)} outside ${first}–${last}`);
    }
  }
});
