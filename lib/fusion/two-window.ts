/**
 * The two-window test: at each bin edge, the mean of a cue's z over the window before minus the mean over
 * the window after. A difference is in units of the person's typical spread (its size) and in standard
 * errors of the cue's bin-to-bin noise (how sure we are it is not noise); a shift needs both. The bar for
 * the second depends on how many comparisons the recording made (options.ts, evidenceBar).
 */
import type { Series } from '../analysis/types.ts';
import type { FusionOptions } from './options.ts';
import { isValue } from './robust.ts';

/** Running sums of a z-series so any window's mean costs two lookups. */
export interface WindowSums {
  sum: Float64Array;
  count: Int32Array;
}

export function windowSums(z: Series): WindowSums {
  const sum = new Float64Array(z.length + 1);
  const count = new Int32Array(z.length + 1);
  z.forEach((v, k) => {
    sum[k + 1] = sum[k]! + (isValue(v) ? v : 0);
    count[k + 1] = count[k]! + (isValue(v) ? 1 : 0);
  });
  return { sum, count };
}

/** Mean and number of observed bins in bins [from, to), clipped to the series. */
export function windowMean(sums: WindowSums, from: number, to: number): { mean: number; n: number } | null {
  const last = sums.count.length - 1;
  const a = Math.max(0, Math.min(last, from));
  const b = Math.max(0, Math.min(last, to));
  const n = sums.count[b]! - sums.count[a]!;
  return n > 0 ? { mean: (sums.sum[b]! - sums.sum[a]!) / n, n } : null;
}

export interface CueChange {
  /** After minus before, in units of the person's typical spread. */
  d: number;
  /** |d| in standard errors of the difference under the cue's bin-to-bin noise. */
  evidence: number;
}

/** The change of one cue at a bin edge, or null when either window observed too few bins. */
export function changeAt(sums: WindowSums, noise: number, edge: number, wBins: number, minBins: number): CueChange | null {
  const before = windowMean(sums, edge - wBins, edge);
  const after = windowMean(sums, edge, edge + wBins);
  if (before === null || after === null || before.n < minBins || after.n < minBins) return null;
  const d = after.mean - before.mean;
  return { d, evidence: Math.abs(d) / (noise * Math.sqrt(1 / before.n + 1 / after.n)) };
}

/** A cue has shifted: the change is at least shiftMinEffect typical spreads and at least `bar` standard errors. */
export function isShift(change: CueChange | null, bar: number, options: FusionOptions): change is CueChange {
  return change !== null && Math.abs(change.d) >= options.shiftMinEffect && change.evidence >= bar;
}

export interface CueWindows {
  sums: WindowSums;
  noise: number;
}

/** A cue's change at every bin edge 0..binCount; null where a window observed too few bins. */
export function changesOf(cue: CueWindows, binCount: number, wBins: number, minBins: number): (CueChange | null)[] {
  return Array.from({ length: binCount + 1 }, (_, edge) => changeAt(cue.sums, cue.noise, edge, wBins, minBins));
}

/** How many comparisons were made: the cue–edge pairs whose windows were both observed enough. */
export function comparisonCount(changes: readonly (readonly (CueChange | null)[])[]): number {
  return changes.reduce((total, cue) => total + cue.filter((c) => c !== null).length, 0);
}

/**
 * The combined change score at every bin edge 0..binCount, from each cue's changes: the root-sum-square of
 * d over the cues that pass both tests there, 0 where none does. Several cues moving together add up;
 * noise in the cues that did not change adds nothing.
 */
export function changeScore(changes: readonly (readonly (CueChange | null)[])[], binCount: number, bar: number, options: FusionOptions): number[] {
  const score: number[] = [];
  for (let edge = 0; edge <= binCount; edge++) {
    let squares = 0;
    for (const cue of changes) {
      const change = cue[edge] ?? null;
      if (isShift(change, bar, options)) squares += change.d ** 2;
    }
    score.push(Math.sqrt(squares));
  }
  return score;
}
