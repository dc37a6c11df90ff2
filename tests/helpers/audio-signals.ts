/** Synthetic 16 kHz test signals with known pitch, level and timing, for the audio tests. */
import { AudioFrameAnalyser, type AudioAnalysis } from '../../lib/audio/frame-analyser.ts';
import { AUDIO_SAMPLE_RATE as RATE } from '../../lib/media/types.ts';
import { seededRandom } from '../../lib/maths/seeded-random.ts';

export { RATE };

export function samplesFor(seconds: number): number {
  return Math.round(seconds * RATE);
}

export function silence(seconds: number): Float32Array {
  return new Float32Array(samplesFor(seconds));
}

/**
 * A sum of harmonics of an F0 that may glide linearly from `f0Start` to `f0End`; `harmonics[k]` is the
 * amplitude of harmonic k + 1. Scaled so that its RMS is `rms`.
 */
export function harmonicTone(f0Start: number, seconds: number, harmonics: number[], rms: number, f0End = f0Start): Float32Array {
  const n = samplesFor(seconds);
  const out = new Float32Array(n);
  let phase = 0;
  let power = 0;
  for (let i = 0; i < n; i++) {
    const f0 = f0Start + ((f0End - f0Start) * i) / n;
    let value = 0;
    for (let k = 0; k < harmonics.length; k++) value += (harmonics[k] as number) * Math.sin((k + 1) * phase);
    out[i] = value;
    power += value * value;
    phase += (2 * Math.PI * f0) / RATE;
  }
  const gain = rms / Math.sqrt(power / Math.max(1, n));
  for (let i = 0; i < n; i++) out[i] = (out[i] as number) * gain;
  return out;
}

export function sine(frequencyHz: number, seconds: number, amplitude: number): Float32Array {
  const n = samplesFor(seconds);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = amplitude * Math.sin((2 * Math.PI * frequencyHz * i) / RATE);
  return out;
}

/** Gaussian white noise of the given RMS (Box–Muller on the seeded generator). */
export function whiteNoise(seconds: number, rms: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  const n = samplesFor(seconds);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const u = 1 - random();
    out[i] = rms * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  }
  return out;
}

/** A vowel-like harmonic complex: 1/k² harmonics up to 3.5 kHz with a 20 ms fade in and out. */
export function vowel(f0Start: number, f0End: number, seconds: number, rms: number): Float32Array {
  const count = Math.floor(3500 / Math.max(f0Start, f0End));
  const out = harmonicTone(f0Start, seconds, Array.from({ length: count }, (_, k) => 1 / (k + 1) ** 2), rms, f0End);
  const fade = Math.min(samplesFor(0.02), out.length >> 1);
  for (let i = 0; i < fade; i++) {
    out[i] = (out[i] as number) * (i / fade);
    out[out.length - 1 - i] = (out[out.length - 1 - i] as number) * (i / fade);
  }
  return out;
}

export function concat(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** `a + b` sample by sample over the length of `a`. */
export function mix(a: Float32Array, b: Float32Array): Float32Array {
  return a.map((value, i) => value + (b[i] ?? 0));
}

export function dbToRms(db: number): number {
  return 10 ** (db / 20);
}

/** Runs the analyser on `samples` in chunks of `chunkSize` (all at once by default). */
export function analyse(samples: Float32Array, chunkSize = samples.length, t0 = 0): AudioAnalysis {
  const analyser = new AudioFrameAnalyser();
  for (let at = 0; at < samples.length; at += chunkSize) {
    analyser.push({ t0: t0 + at / RATE, samples: samples.slice(at, at + chunkSize) });
  }
  return analyser.finish();
}

/** Frame indices whose centres lie in [fromSec, toSec). */
export function framesBetween(analysis: AudioAnalysis, fromSec: number, toSec: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < analysis.loudnessDb.length; i++) {
    const t = analysis.t0 + i * analysis.hopSec;
    if (t >= fromSec && t < toSec) out.push(i);
  }
  return out;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
