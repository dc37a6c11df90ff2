/**
 * Speech activity on synthetic recordings whose speech times are known by construction: vowel-like
 * harmonic complexes (voiced), stop closures, fricatives (tilted noise), breaths and noise bursts, over
 * a background of room noise. Boundaries are checked to within 40 ms: the loudness window is 25 ms and
 * each vowel fades in and out over 20 ms, so the exact frame where a vowel "starts" is fuzzy by that much.
 */
import assert from 'node:assert/strict';
import { test } from 'vitest';
import {
  DEFAULT_SPEECH_ACTIVITY,
  detectSpeechRuns,
  type FrameEvidence,
  type SpeechActivitySettings,
} from '../../lib/audio/speech-activity.ts';
import type { SpeechSegment } from '../../lib/analysis/types.ts';
import { analyse, dbToRms, mix, samplesFor, vowel, whiteNoise } from '../helpers/audio-signals.ts';

const TOLERANCE_SEC = 0.04;

/**
 * A recording of `seconds` of room noise at `noiseDb` with sounds placed at given times. Room noise
 * (ventilation, traffic) is mostly low-frequency, so it is low-passed noise here: not flat enough to be
 * set aside as hiss, it has to be told from speech by its level against the floor and its lack of voicing.
 */
function recording(seconds: number, noiseDb: number, events: [atSec: number, sound: Float32Array][]): Float32Array {
  let out = breath(seconds, noiseDb, 1);
  for (const [at, sound] of events) {
    const placed = new Float32Array(out.length);
    placed.set(sound.subarray(0, Math.max(0, out.length - samplesFor(at))), samplesFor(at));
    out = mix(out, placed);
  }
  return out;
}

/** Noise tilted up by 6 dB an octave (first difference), like the hiss of an /s/ or /f/, at `db` RMS. */
function fricative(seconds: number, db: number, seed: number): Float32Array {
  const noise = whiteNoise(seconds, 1, seed);
  const tilted = noise.map((value, i) => value - (noise[i - 1] ?? 0));
  const rms = Math.sqrt(tilted.reduce((sum, v) => sum + v * v, 0) / tilted.length);
  return tilted.map((v) => (v / rms) * dbToRms(db));
}

/** Noise smoothed to below about 1 kHz, like breath or a rustle near the mic, at `db` RMS. */
function breath(seconds: number, db: number, seed: number): Float32Array {
  const noise = whiteNoise(seconds, 1, seed);
  let state = 0;
  const smooth = noise.map((value) => (state += 0.3 * (value - state)));
  const rms = Math.sqrt(smooth.reduce((sum, v) => sum + v * v, 0) / smooth.length);
  return smooth.map((v) => (v / rms) * dbToRms(db));
}

function assertSegments(actual: SpeechSegment[], expected: [number, number][]): void {
  assert.equal(actual.length, expected.length, `segments ${JSON.stringify(actual)}`);
  expected.forEach(([start, end], k) => {
    const segment = actual[k] as SpeechSegment;
    assert.ok(Math.abs(segment.startSec - start) < TOLERANCE_SEC, `segment ${k} starts at ${segment.startSec}, expected ${start}`);
    assert.ok(Math.abs(segment.endSec - end) < TOLERANCE_SEC, `segment ${k} ends at ${segment.endSec}, expected ${end}`);
  });
}

const SPEECH_DB = -25;

/** Two words with an 80 ms stop closure between them, a fricative, a third word: 0.89 s of speech. */
function phrase(): Float32Array {
  return new Float32Array([
    ...vowel(140, 120, 0.25, dbToRms(SPEECH_DB)),
    ...new Float32Array(samplesFor(0.08)),
    ...vowel(130, 110, 0.3, dbToRms(SPEECH_DB)),
    ...fricative(0.06, SPEECH_DB - 8, 4),
    ...vowel(115, 100, 0.2, dbToRms(SPEECH_DB)),
  ]);
}

test('two utterances in room noise become two segments, closures and a fricative inside one are not pauses', () => {
  const audio = recording(4.3, -60, [
    [1, phrase()],
    [2.69, vowel(210, 180, 0.4, dbToRms(SPEECH_DB))],
  ]);
  const analysis = analyse(audio);
  assertSegments(analysis.segments, [
    [1, 1.89],
    [2.69, 3.09],
  ]);
});

test('the speech column is 1 exactly at frames inside a segment, and F0 is null outside speech', () => {
  const analysis = analyse(recording(3, -55, [[1, phrase()]]));
  for (let i = 0; i < analysis.speech.length; i++) {
    const t = analysis.t0 + i * analysis.hopSec;
    const inside = analysis.segments.some((s) => t >= s.startSec && t < s.endSec);
    assert.equal(analysis.speech[i], inside ? 1 : 0, `frame ${i}`);
    if (!inside) assert.ok(Number.isNaN(analysis.f0Hz[i] as number), `F0 at non-speech frame ${i}`);
  }
});

test('a white-noise burst as loud as speech, on its own, is not speech', () => {
  const analysis = analyse(recording(3, -60, [[1, whiteNoise(0.4, dbToRms(SPEECH_DB), 21)]]));
  assert.deepEqual(analysis.segments, []);
});

test('a white-noise burst right after speech does not lengthen the segment (spectral flatness)', () => {
  const analysis = analyse(
    recording(3.5, -60, [
      [1, vowel(150, 130, 0.5, dbToRms(SPEECH_DB))],
      [1.5, whiteNoise(0.4, dbToRms(SPEECH_DB), 22)],
    ]),
  );
  assertSegments(analysis.segments, [[1, 1.5]]);
});

test('a breath 20+ dB under the voice before an utterance is not counted as speech', () => {
  const analysis = analyse(
    recording(3.5, -65, [
      [0.8, breath(0.5, SPEECH_DB - 25, 23)],
      [1.4, vowel(150, 130, 0.5, dbToRms(SPEECH_DB))],
    ]),
  );
  assert.equal(analysis.segments.length, 1);
  const [segment] = analysis.segments as [SpeechSegment];
  // Speech may reach 150 ms before the voicing (an onset consonant), never back over the whole breath.
  assert.ok(segment.startSec > 1.4 - 0.16, `starts at ${segment.startSec}`);
  assert.ok(Math.abs(segment.endSec - 1.9) < TOLERANCE_SEC);
});

test('a silence shorter than the 200 ms hangover is bridged, a longer one is a pause', () => {
  const word = vowel(150, 130, 0.3, dbToRms(SPEECH_DB));
  const short = analyse(recording(3, -60, [[1, word], [1.45, word]]));
  assertSegments(short.segments, [[1, 1.75]]);
  const long = analyse(recording(3, -60, [[1, word], [1.65, word]]));
  assertSegments(long.segments, [
    [1, 1.3],
    [1.65, 1.95],
  ]);
});

test('the floor follows the room: the same speech is found over quiet and over loud background noise', () => {
  for (const [noiseDb, speechDb] of [
    [-75, -30],
    [-45, -25],
  ] as const) {
    const analysis = analyse(recording(3, noiseDb, [[1, vowel(150, 130, 0.6, dbToRms(speechDb))]]));
    assertSegments(analysis.segments, [[1, 1.6]]);
  }
});

test('after a 25 dB drop in recording gain the quieter speech is still found', () => {
  const loud = recording(25, -50, [[2, vowel(150, 130, 0.6, dbToRms(-20))]]);
  const quiet = recording(25, -75, [[10, vowel(150, 130, 0.6, dbToRms(-45))]]);
  const analysis = analyse(new Float32Array([...loud, ...quiet]));
  assertSegments(analysis.segments, [
    [2, 2.6],
    [35, 35.6],
  ]);
});

/** Frame columns for the rule-level tests: level in dB and F0 per frame (null = unvoiced). */
function evidence(frames: [levelDb: number, f0: number | null][]): FrameEvidence {
  return {
    levelDb: Float32Array.from(frames.map(([db]) => db)),
    f0Hz: Float32Array.from(frames.map(([, f0]) => f0 ?? Number.NaN)),
    flatness: Float32Array.from(frames.map(([, f0]) => (f0 === null ? 0.3 : Number.NaN))),
  };
}

const SETTINGS: SpeechActivitySettings = { ...DEFAULT_SPEECH_ACTIVITY, hopSec: 0.01, lowestFloorDb: -90 };
const quiet = (n: number): [number, null][] => Array.from({ length: n }, () => [-70, null]);
const voiced = (n: number): [number, number][] => Array.from({ length: n }, () => [-30, 150]);

test('isolated voiced frames (under 30 ms each) are not enough to make speech', () => {
  const frames = [...quiet(50), ...voiced(2), ...quiet(3), ...voiced(2), ...quiet(3), ...voiced(2), ...quiet(50)];
  assert.deepEqual(detectSpeechRuns(evidence(frames), SETTINGS), []);
});

test('50 ms of sustained voicing is speech; its exact frames are reported', () => {
  const frames = [...quiet(50), ...voiced(5), ...quiet(50)];
  assert.deepEqual(detectSpeechRuns(evidence(frames), SETTINGS), [{ start: 50, end: 55 }]);
});

test('the hangover joins runs 19 frames apart and keeps runs 20 frames apart separate', () => {
  const joined = [...quiet(50), ...voiced(10), ...quiet(19), ...voiced(10), ...quiet(50)];
  assert.deepEqual(detectSpeechRuns(evidence(joined), SETTINGS), [{ start: 50, end: 89 }]);
  const apart = [...quiet(50), ...voiced(10), ...quiet(20), ...voiced(10), ...quiet(50)];
  assert.deepEqual(detectSpeechRuns(evidence(apart), SETTINGS), [
    { start: 50, end: 60 },
    { start: 80, end: 90 },
  ]);
});

test('quieter unvoiced sound joins speech only within 150 ms of voicing; sound as loud as the voice joins whole', () => {
  const soft = Array.from({ length: 40 }, (): [number, null] => [-55, null]);
  const frames = [...quiet(50), ...soft, ...voiced(10), ...quiet(50)];
  assert.deepEqual(detectSpeechRuns(evidence(frames), SETTINGS), [{ start: 75, end: 100 }]);
  const loud = Array.from({ length: 40 }, (): [number, null] => [-35, null]);
  const breathy = [...quiet(50), ...loud, ...voiced(10), ...quiet(50)];
  assert.deepEqual(detectSpeechRuns(evidence(breathy), SETTINGS), [{ start: 50, end: 100 }]);
});
