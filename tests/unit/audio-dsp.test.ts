/** The building blocks under the analyser, each against a direct computation of what it should give. */
import assert from 'node:assert/strict';
import { test } from 'vitest';
import { BlockedDifference } from '../../lib/audio/blocked-difference.ts';
import { HALF_BAND_REACH, HalfBandDecimator } from '../../lib/audio/half-band.ts';
import { spectralFlatness } from '../../lib/audio/meyda-features.ts';
import { SampleStream } from '../../lib/audio/sample-stream.ts';
import { AmplitudeSpectrum } from '../../lib/audio/spectrum.ts';
import { parabolicMinimum } from '../../lib/audio/yin.ts';
import { sine, whiteNoise } from '../helpers/audio-signals.ts';
import { seededRandom } from '../../lib/maths/seeded-random.ts';

/** RMS gain of the 16 → 8 kHz decimator for a sine of `hz`, measured on the steady part of the output. */
function decimatorGain(hz: number): number {
  const input = new SampleStream(-HALF_BAND_REACH);
  input.appendZeros(HALF_BAND_REACH);
  const output = new SampleStream(0);
  const decimator = new HalfBandDecimator(input, output);
  const amplitude = 0.5;
  input.append(sine(hz, 1, amplitude));
  decimator.run();
  const steady = output.view(1000, output.end - 2000);
  const rms = Math.sqrt(steady.reduce((sum, v) => sum + v * v, 0) / steady.length);
  return rms / (amplitude / Math.SQRT2);
}

test('the half-band decimator passes the voice band and removes what would alias', () => {
  for (const hz of [100, 500, 1000, 2000]) assert.ok(Math.abs(decimatorGain(hz) - 1) < 0.01, `${hz} Hz gain ${decimatorGain(hz)}`);
  // Above 5.5 kHz would fold back below 2.5 kHz at 8 kHz: it must be at least 60 dB down.
  for (const hz of [5500, 6500, 7500]) assert.ok(decimatorGain(hz) < 1e-3, `${hz} Hz gain ${decimatorGain(hz)}`);
});

test('the decimator output m is the filtered input at 2m: a click comes out centred where it went in', () => {
  const input = new SampleStream(-HALF_BAND_REACH);
  input.appendZeros(HALF_BAND_REACH);
  const click = new Float32Array(400);
  click[200] = 1;
  input.append(click);
  const output = new SampleStream(0);
  new HalfBandDecimator(input, output).run();
  const out = output.view(0, output.end);
  const peak = out.indexOf(Math.max(...out));
  assert.equal(peak, 100);
  assert.ok(Math.abs((out[99] as number) - (out[101] as number)) < 1e-7, 'symmetric around the click');
});

test('the amplitude spectrum equals a direct DFT of the Hann-windowed frame', () => {
  const size = 64;
  const random = seededRandom(3);
  const frame = Float32Array.from({ length: size + 5 }, () => random() - 0.5);
  const bins = new AmplitudeSpectrum(size).compute(frame, 5);
  for (let k = 0; k < size / 2; k++) {
    let re = 0;
    let im = 0;
    for (let n = 0; n < size; n++) {
      const windowed = (frame[5 + n] as number) * (0.5 - 0.5 * Math.cos((2 * Math.PI * n) / (size - 1)));
      re += windowed * Math.cos((2 * Math.PI * k * n) / size);
      im -= windowed * Math.sin((2 * Math.PI * k * n) / size);
    }
    assert.ok(Math.abs((bins[k] as number) - Math.hypot(re, im)) < 1e-5, `bin ${k}`);
  }
});

test('spectral flatness (Meyda) is high for white noise and low for a harmonic tone', () => {
  const spectrum = new AmplitudeSpectrum(256);
  const noise = spectralFlatness(spectrum.compute(whiteNoise(0.1, 0.1, 8), 0));
  const tone = spectralFlatness(spectrum.compute(sine(200, 0.1, 0.1), 0));
  assert.ok(noise > 0.75, `noise ${noise}`);
  assert.ok(tone < 0.3, `tone ${tone}`);
});

test('block-cached difference sums equal the direct YIN difference function, whatever was cached before', () => {
  const random = seededRandom(9);
  const x = Float32Array.from({ length: 2000 }, () => random() - 0.5);
  const maxLag = 70;
  const blocked = new BlockedDifference(20, 5, maxLag, 7);
  const d = new Float64Array(maxLag + 1);
  // Frames 40 samples apart, with some skipped, as silent frames are.
  for (const start of [0, 40, 80, 200, 240, 1000, 1040, 40]) {
    blocked.compute(x, start, start, d);
    for (let tau = 1; tau <= maxLag; tau++) {
      let direct = 0;
      for (let j = 0; j < 100; j++) direct += ((x[start + j] as number) - (x[start + j + tau] as number)) ** 2;
      assert.ok(Math.abs((d[tau] as number) - direct) < 1e-9 * Math.max(1, direct), `start ${start} lag ${tau}`);
    }
  }
});

test('parabolic interpolation finds the vertex of a sampled parabola', () => {
  const vertex = 0.3;
  const f = (x: number): number => 2 * (x - vertex) ** 2 + 1;
  const { offset, value } = parabolicMinimum(f(-1), f(0), f(1));
  assert.ok(Math.abs(offset - vertex) < 1e-12);
  assert.ok(Math.abs(value - 1) < 1e-12);
  assert.deepEqual(parabolicMinimum(1, 1, 1), { offset: 0, value: 1 });
});
