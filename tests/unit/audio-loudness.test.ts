/**
 * Loudness in dBFS (20·log10 of the RMS over a 25 ms window; a full-scale square wave is 0 dB) on signals
 * of known amplitude, checked on frames whose window lies inside the signal.
 */
import assert from 'node:assert/strict';
import { test } from 'vitest';
import { LOUDNESS_FLOOR_DB, rmsToDbfs } from '../../lib/audio/loudness.ts';
import { analyse, concat, dbToRms, framesBetween, samplesFor, silence, sine, whiteNoise } from '../helpers/audio-signals.ts';

function levelsInside(signal: Float32Array, fromSec: number, toSec: number): number[] {
  const analysis = analyse(signal);
  return framesBetween(analysis, fromSec, toSec).map((i) => analysis.loudnessDb[i] as number);
}

for (const amplitude of [1, 0.5, 0.1, 0.01, 0.001]) {
  test(`a 1 kHz sine of amplitude ${amplitude} reads 20·log10(${amplitude}/√2) dBFS within 0.05 dB`, () => {
    const expected = 20 * Math.log10(amplitude / Math.SQRT2);
    for (const db of levelsInside(sine(1000, 1, amplitude), 0.05, 0.95)) {
      assert.ok(Math.abs(db - expected) < 0.05, `${db} vs ${expected}`);
    }
  });
}

test('sines of other frequencies read the same level within 0.2 dB (a window need not hold whole periods)', () => {
  const expected = 20 * Math.log10(0.25 / Math.SQRT2);
  for (const hz of [97, 220, 441, 3111]) {
    for (const db of levelsInside(sine(hz, 1, 0.25), 0.05, 0.95)) assert.ok(Math.abs(db - expected) < 0.2, `${hz} Hz: ${db}`);
  }
});

test('a full-scale square wave reads 0 dBFS', () => {
  const square = new Float32Array(samplesFor(1)).map((_, i) => (Math.floor(i / 80) % 2 ? -1 : 1));
  for (const db of levelsInside(square, 0.05, 0.95)) assert.ok(Math.abs(db) < 1e-4, String(db));
});

test('white noise of RMS r reads 20·log10(r): on average within 0.1 dB, every frame within 1.5 dB', () => {
  // A 400-sample window estimates noise power with a relative spread of √(2/400) ≈ 7 %, about 0.3 dB,
  // so single frames scatter (1.5 dB is five of those spreads) while their power average converges.
  for (const db of [-20, -45]) {
    const levels = levelsInside(whiteNoise(2, dbToRms(db), 9), 0.05, 1.95);
    const meanPower = levels.reduce((sum, level) => sum + 10 ** (level / 10), 0) / levels.length;
    assert.ok(Math.abs(10 * Math.log10(meanPower) - db) < 0.1, `mean ${10 * Math.log10(meanPower)} vs ${db}`);
    for (const level of levels) assert.ok(Math.abs(level - db) < 1.5, `${level} vs ${db}`);
  }
});

test('a 20 dB step in amplitude is a 20 dB step in loudness', () => {
  const levels = analyse(concat(sine(1000, 1, 0.2), sine(1000, 1, 0.02))).loudnessDb;
  assert.ok(Math.abs((levels[50] as number) - (levels[150] as number) - 20) < 0.05);
});

test('digital silence reads the floor, a number JSON can hold, never −Infinity', () => {
  const levels = analyse(concat(silence(0.5), sine(1000, 0.5, 0.1), silence(0.5))).loudnessDb;
  assert.equal(levels[10], LOUDNESS_FLOOR_DB);
  assert.equal(levels[140], LOUDNESS_FLOOR_DB);
  assert.ok(levels.every(Number.isFinite));
  assert.equal(rmsToDbfs(0), LOUDNESS_FLOOR_DB);
  assert.equal(rmsToDbfs(1e-9), LOUDNESS_FLOOR_DB);
  assert.equal(JSON.stringify([rmsToDbfs(0)]), '[-100]');
});

test('the frame at a silence→tone edge reads between the two, as its window straddles the edge', () => {
  const analysis = analyse(concat(silence(0.5), sine(1000, 0.5, 0.5)));
  const edge = analysis.loudnessDb[50] as number;
  // Frame 50 is centred on the edge: half its window is tone, so its power is half the tone's (−3 dB).
  assert.ok(Math.abs(edge - (20 * Math.log10(0.5 / Math.SQRT2) - 3.01)) < 0.1, String(edge));
});
