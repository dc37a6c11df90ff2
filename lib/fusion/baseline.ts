/**
 * Per-person baselines: each cue's median and typical spread over the person's whole session, and the
 * z-scores that measure every moment against them. Whole-session, because the app analyses a finished
 * recording and the person's own range is the fairest yardstick; docs/markers.md names the limits.
 */
import type { Series } from '../analysis/types.ts';
import { isValue, madScale, median } from './robust.ts';

export interface Baseline {
  /** The person's typical value of the cue. */
  median: number;
  /** The person's typical spread (MAD × 1.4826), never below the cue's floor. */
  scale: number;
}

/** Keeps the noise estimate of a cue that never wobbles from being zero (in units of typical spread). */
const NOISE_FLOOR = 0.05;

/** The baseline of a cue, or null when it was never observed. */
export function baselineOf(values: Series, scaleFloor: number): Baseline | null {
  const observed = values.filter(isValue);
  const center = median(observed);
  if (center === null) return null;
  return { median: center, scale: Math.max(scaleFloor, madScale(observed, center)) };
}

export function zSeries(values: Series, baseline: Baseline): Series {
  return values.map((v) => (isValue(v) ? (v - baseline.median) / baseline.scale : null));
}

/** One-sided 95 % normal quantile, for the upper confidence bound of a noise estimate. */
const Z95 = 1.645;

/**
 * Upper 95 % bound of a standard deviation estimated from `m` squared differences: σ̂·√(m / χ²₀.₀₅(m)),
 * with the Wilson–Hilferty approximation of the chi-square quantile. About 1.02·σ̂ for a session's
 * thousands of bins, 1.5·σ̂ for a 7-s clip's dozen: noise measured on few bins is not trusted as small.
 */
function upperBound(sigma: number, m: number): number {
  const c = 1 - 2 / (9 * m) - Z95 * Math.sqrt(2 / (9 * m));
  return c > 0 ? sigma * Math.sqrt(1 / c ** 3) : Infinity;
}

/**
 * The bin-to-bin noise of a z-series: root-mean-square of the differences of adjacent observed bins,
 * divided by √2, taken at its upper 95 % bound. A mean of squares rather than a median, so cues that sit
 * still and jump (speech share, a blink) are not judged noiseless; one lasting step adds only one
 * difference, so it barely counts.
 */
export function noiseOf(z: Series): number {
  let sum = 0;
  let count = 0;
  for (let k = 1; k < z.length; k++) {
    const a = z[k - 1];
    const b = z[k];
    if (isValue(a) && isValue(b)) {
      sum += (b - a) ** 2;
      count++;
    }
  }
  // With no pair of neighbours there is no noise estimate; assume noise as large as the typical spread.
  return count === 0 ? 1 : upperBound(Math.max(NOISE_FLOOR, Math.sqrt(sum / count / 2)), count);
}
