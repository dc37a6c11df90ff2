/**
 * F0 on synthetic signals whose pitch is known exactly. Every tone sits between 0.3 s of silence, as a
 * voice does between pauses, and only frames whose windows lie wholly inside the tone are checked.
 * Tolerance: 0.5 % (under a tenth of a semitone, below what a listener can tell apart) for clean
 * periodic signals; looser where noise is added, as stated per test.
 */
import assert from 'node:assert/strict';
import { test } from 'vitest';
import { PITCH_SETTINGS } from '../../lib/audio/frame-analyser.ts';
import { YinPitchTracker } from '../../lib/audio/yin.ts';
import {
  analyse,
  concat,
  framesBetween,
  harmonicTone,
  mix,
  sine,
  silence,
  vowel,
  whiteNoise,
} from '../helpers/audio-signals.ts';

const PAD = 0.3;
/** Frames whose 42 ms pitch window lies inside the tone. */
const MARGIN = 0.05;

function pitchErrors(signal: Float32Array, expectedHz: (tInSignal: number) => number) {
  const analysis = analyse(concat(silence(PAD), signal, silence(PAD)));
  const frames = framesBetween(analysis, PAD + MARGIN, PAD + signal.length / 16000 - MARGIN);
  const errors: number[] = [];
  let unvoiced = 0;
  for (const i of frames) {
    const f0 = analysis.f0Hz[i] as number;
    if (Number.isNaN(f0)) unvoiced++;
    else errors.push(Math.abs(f0 / expectedHz(i * analysis.hopSec - PAD) - 1));
  }
  return { frames: frames.length, unvoiced, worst: Math.max(...errors) };
}

for (const hz of [80, 100, 150, 200, 250, 300, 400]) {
  test(`a ${hz} Hz sine is voiced throughout and measured within 0.5 %`, () => {
    const { frames, unvoiced, worst } = pitchErrors(sine(hz, 1, 0.3), () => hz);
    assert.ok(frames > 80);
    assert.equal(unvoiced, 0);
    assert.ok(worst < 0.005, `worst error ${(worst * 100).toFixed(3)} %`);
  });
}

for (const hz of [85, 120, 220, 350]) {
  test(`a sawtooth-like ${hz} Hz tone (30 harmonics, 1/k) gives its fundamental, not a harmonic`, () => {
    const harmonics = Array.from({ length: 30 }, (_, k) => 1 / (k + 1));
    const { unvoiced, worst } = pitchErrors(harmonicTone(hz, 1, harmonics, 0.2), () => hz);
    assert.equal(unvoiced, 0);
    assert.ok(worst < 0.005, `worst error ${(worst * 100).toFixed(3)} %`);
  });
}

test('harmonics 2–6 of 150 Hz with no energy at 150 Hz give 150 Hz (the periodicity a listener hears)', () => {
  const { unvoiced, worst } = pitchErrors(harmonicTone(150, 1, [0, 1, 1, 1, 1, 1], 0.2), () => 150);
  assert.equal(unvoiced, 0);
  assert.ok(worst < 0.005, `worst error ${(worst * 100).toFixed(3)} %`);
});

test('a second harmonic 10 dB stronger than the fundamental does not make the pitch jump an octave up', () => {
  const { unvoiced, worst } = pitchErrors(harmonicTone(120, 1, [0.3, 1], 0.2), () => 120);
  assert.equal(unvoiced, 0);
  assert.ok(worst < 0.005, `worst error ${(worst * 100).toFixed(3)} %`);
});

test('a glide from 100 to 200 Hz is followed frame by frame within 1 %', () => {
  // The pitch window spans 42 ms, over which this glide (an octave a second) moves 3 %; 1 % shows the
  // estimate is centred on the frame rather than on one end of its window.
  const { unvoiced, worst } = pitchErrors(harmonicTone(100, 1, [1, 0.5, 0.3, 0.2], 0.2, 200), (t) => 100 + 100 * t);
  assert.equal(unvoiced, 0);
  assert.ok(worst < 0.01, `worst error ${(worst * 100).toFixed(3)} %`);
});

test('a falling vowel-like complex (120 → 90 Hz, 1/k² harmonics) is tracked within 0.5 %', () => {
  const { unvoiced, worst } = pitchErrors(vowel(120, 90, 1, 0.1), (t) => 120 - 30 * t);
  assert.equal(unvoiced, 0);
  assert.ok(worst < 0.005, `worst error ${(worst * 100).toFixed(3)} %`);
});

test('a 200 Hz voice in white noise at 10 dB SNR stays voiced and within 2 %', () => {
  // 10 dB is a poor but usable recording; noise this strong moves single-period estimates by about 1 %.
  const voice = harmonicTone(200, 1, [1, 0.5, 0.3], 0.1);
  const { frames, unvoiced, worst } = pitchErrors(mix(voice, whiteNoise(1, 0.1 / Math.sqrt(10), 11)), () => 200);
  assert.ok(unvoiced <= frames * 0.05, `${unvoiced} of ${frames} frames unvoiced`);
  assert.ok(worst < 0.02, `worst error ${(worst * 100).toFixed(3)} %`);
});

test('white noise is unvoiced: the tracker finds no period in at least 98 % of its frames', () => {
  // Checked on the tracker itself, not only on the analyser output, where non-speech is null anyway.
  const tracker = new YinPitchTracker(PITCH_SETTINGS);
  const noise = whiteNoise(3, 0.1, 5);
  const span = tracker.fineSpan;
  let voiced = 0;
  let frames = 0;
  // The tracker reads a 4 kHz copy; plain every-fourth-sample decimation of white noise is white noise too.
  const coarse = noise.filter((_, i) => i % 4 === 0);
  for (let c = 0; (c + tracker.coarseSpan) * 4 < noise.length - span; c += PITCH_SETTINGS.hop) {
    frames++;
    if (!Number.isNaN(tracker.estimate(coarse, c, c, noise, c * 4).f0Hz)) voiced++;
  }
  assert.ok(frames > 250);
  assert.ok(voiced <= frames * 0.02, `${voiced} of ${frames} noise frames voiced`);
});

test('white noise between silences yields no F0 at all in the analysis', () => {
  const analysis = analyse(concat(silence(PAD), whiteNoise(2, 0.1, 3), silence(PAD)));
  assert.ok(analysis.f0Hz.every((f0) => Number.isNaN(f0)));
});

test('digital silence yields no F0, a loudness of −100 dB and no speech', () => {
  const analysis = analyse(silence(2));
  assert.equal(analysis.f0Hz.length, 200);
  assert.ok(analysis.f0Hz.every((f0) => Number.isNaN(f0)));
  assert.ok(analysis.loudnessDb.every((db) => db === -100));
  assert.ok(analysis.speech.every((s) => s === 0));
  assert.deepEqual(analysis.segments, []);
});

test('a 40 Hz hum, below the voice range, gets no F0', () => {
  const analysis = analyse(concat(silence(PAD), sine(40, 1, 0.3), silence(PAD)));
  assert.ok(analysis.f0Hz.every((f0) => Number.isNaN(f0)));
});

test('a 700 Hz tone, above the range, is read only as one of its true periodicities in range (700/k Hz)', () => {
  // Two or three periods of 700 Hz are also periods of the signal; what must not appear is a made-up value.
  const analysis = analyse(concat(silence(PAD), sine(700, 1, 0.3), silence(PAD)));
  for (const f0 of analysis.f0Hz) {
    if (Number.isNaN(f0)) continue;
    const k = Math.round(700 / f0);
    assert.ok(k >= 2 && Math.abs((f0 * k) / 700 - 1) < 0.005, `700 Hz read as ${f0}`);
  }
});
