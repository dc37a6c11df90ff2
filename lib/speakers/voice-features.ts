/**
 * One feature vector per half-second bin for telling voices apart: the bin's mean MFCCs (the shape of
 * the vocal tract) and its median pitch in semitones (the strongest single difference between most
 * voices), each standardised over the recording's speech so that no feature outweighs the rest by its units.
 */
import type { VoiceTrack } from '../analysis/types.ts';
import type { VoicePrints } from '../audio/voice-print.ts';
import { binAt } from '../fusion/grid.ts';
import { isValue, madScale, median } from '../fusion/robust.ts';

/** A bin's print needs this many voiced 10-ms frames: one short syllable. */
const MIN_VOICED_FRAMES = 8;
/** Pitch counts as much as this many MFCCs: voices differ by pitch more reliably than by any one coefficient. */
const PITCH_WEIGHT = 3;

/** Median pitch of each bin's voiced frames, semitones re 100 Hz; null where fewer than MIN_VOICED_FRAMES. */
function binPitch(voice: VoiceTrack, binSec: number, binCount: number): (number | null)[] {
  const perBin: number[][] = Array.from({ length: binCount }, () => []);
  for (let i = 0; i < voice.t.length; i++) {
    const f0 = voice.f0Hz[i];
    const k = binAt(voice.t[i]!, binSec);
    if (isValue(f0) && f0 > 0 && k >= 0 && k < binCount) perBin[k]!.push(12 * Math.log2(f0 / 100));
  }
  return perBin.map((values) => (values.length >= MIN_VOICED_FRAMES ? median(values) : null));
}

/**
 * Standardised feature vectors of the bins in `bins` (others null): robust z of each feature over those
 * bins, pitch weighted by √PITCH_WEIGHT so squared distances count it PITCH_WEIGHT times.
 */
export function voiceFeatures(voice: VoiceTrack, prints: VoicePrints, binCount: number, bins: readonly number[]): (Float64Array | null)[] {
  const pitch = binPitch(voice, prints.binSec, binCount);
  const dims = prints.coefficients + 1;
  const raw: (Float64Array | null)[] = new Array(binCount).fill(null);
  for (const k of bins) {
    const voiced = k < prints.voicedFrames.length ? prints.voicedFrames[k]! : 0;
    const p = pitch[k];
    if (voiced < MIN_VOICED_FRAMES || !isValue(p)) continue;
    const v = new Float64Array(dims);
    for (let c = 0; c < prints.coefficients; c++) v[c] = prints.mfccMean[k * prints.coefficients + c]!;
    v[dims - 1] = p;
    if (v.every(Number.isFinite)) raw[k] = v;
  }
  const present = raw.filter((v): v is Float64Array => v !== null);
  if (present.length === 0) return raw;
  for (let d = 0; d < dims; d++) {
    const column = present.map((v) => v[d]!);
    const centre = median(column)!;
    const spread = madScale(column, centre) || 1;
    const weight = d === dims - 1 ? Math.sqrt(PITCH_WEIGHT) : 1;
    for (const v of present) v[d] = ((v[d]! - centre) / spread) * weight;
  }
  return raw;
}

export function squaredDistance(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let d = 0; d < a.length; d++) sum += (a[d]! - b[d]!) ** 2;
  return sum;
}

export function centroid(vectors: readonly Float64Array[]): Float64Array {
  const c = new Float64Array(vectors[0]!.length);
  for (const v of vectors) for (let d = 0; d < c.length; d++) c[d]! += v[d]!;
  for (let d = 0; d < c.length; d++) c[d]! /= vectors.length;
  return c;
}
