/**
 * The common time grid: bin k covers media time [k·binSec, (k+1)·binSec). Face samples (~5/s) and voice
 * frames (100/s) land in the same bins, so face and voice cues can be compared moment by moment.
 */
import type { Series } from '../analysis/types.ts';
import { isValue } from './robust.ts';

export interface Grid {
  binSec: number;
  binCount: number;
  durationSec: number;
}

export function makeGrid(durationSec: number, binSec: number): Grid {
  const binCount = Number.isFinite(durationSec) && durationSec > 0 ? Math.ceil(durationSec / binSec - 1e-9) : 0;
  return { binSec, binCount, durationSec: binCount > 0 ? durationSec : 0 };
}

/**
 * Bin k of width `binSec` holds [k·binSec, (k+1)·binSec); the small allowance keeps a time computed as
 * k·binSec in floating point (29.999999…) in bin k. Speaker attribution and the voice prints count in
 * these bins, so they must agree to the frame.
 */
export function binAt(t: number, binSec: number): number {
  return Math.floor(t / binSec + 1e-9);
}

/** The bin holding media time t, or -1 when t is outside [0, durationSec]. */
export function binIndex(grid: Grid, t: number): number {
  if (!(t >= 0 && t <= grid.durationSec)) return -1;
  return Math.min(Math.floor(t / grid.binSec), grid.binCount - 1);
}

/** Per bin, the observed values (null ones are skipped). */
export function binSamples(grid: Grid, t: readonly number[], valueAt: (i: number) => number | null): number[][] {
  const buckets: number[][] = Array.from({ length: grid.binCount }, () => []);
  for (let i = 0; i < t.length; i++) {
    const bin = binIndex(grid, t[i]!);
    const v = valueAt(i);
    if (bin >= 0 && isValue(v)) buckets[bin]!.push(v);
  }
  return buckets;
}

/** Per bin, `aggregate` of the observed values (null ones are skipped); null where a bin has none. */
export function binSeries(
  grid: Grid,
  t: readonly number[],
  valueAt: (i: number) => number | null,
  aggregate: (values: number[]) => number | null,
): Series {
  return binSamples(grid, t, valueAt).map((values) => aggregate(values));
}

/** Seconds of a grid position (a bin edge), kept inside [0, durationSec]. */
export function edgeSec(grid: Grid, edge: number): number {
  return Math.min(grid.durationSec, Math.max(0, edge * grid.binSec));
}
