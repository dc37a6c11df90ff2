/**
 * Brief excursions: a cue goes far from the person's baseline for a moment and comes back. Easy to miss
 * live, and too short for the two-window test, which is why they are found separately (and then set
 * aside, so one blip is not also counted as a lasting change).
 */
import type { Series } from '../analysis/types.ts';
import type { FusionOptions } from './options.ts';
import { isValue, mean } from './robust.ts';

export interface BriefRun {
  /** Bins [from, to) where the cue stayed beyond briefReturnZ on one side of baseline, reaching briefMinZ. */
  from: number;
  to: number;
  /** Bins [contextFrom, from) just before it: the "before" of its evidence. */
  contextFrom: number;
  /** Mean z during the excursion minus mean z just before it, in typical spreads. */
  d: number;
}

function observed(z: Series, from: number, to: number): number[] {
  return z.slice(Math.max(0, from), Math.max(0, to)).filter(isValue);
}

/**
 * Every brief excursion of one cue. It must reach briefMinZ; its extent is every bin around that peak still
 * beyond briefReturnZ on the same side (hysteresis: where the cue left and came back near baseline, so
 * the extent does not hang on whether the peak's shoulders sampled a little over or under briefMinZ); the
 * extent lasts at most briefMaxSec; has observed bins right before and after it; sits in surroundings
 * (briefMaxSec on each side) whose means are within briefReturnZ of baseline; and stands out from those
 * surroundings by at least `bar` standard errors of the cue's bin-to-bin noise (evidenceBar over the places
 * an excursion could start: every observed bin of every brief cue). A swing from one side straight to
 * the other is two excursions, each with the other in its surroundings: half a second each way passes,
 * a second each way does not (tests/unit/fusion-parts.test.ts).
 */
export interface BriefCue {
  z: Series;
  /** The cue's bin-to-bin noise, in typical spreads. */
  noise: number;
  /** Each bin's samples as z, where the cue knows them: the excursion then needs briefMinSamples of them out. */
  sampleZ?: readonly (readonly number[])[] | null;
  /** Only rises count (a cue whose falls are not a moment, e.g. lips pressed: its fall is speech). */
  risesOnly?: boolean;
}

export function findBriefRuns({ z, noise, sampleZ = null, risesOnly = false }: BriefCue, bar: number, options: FusionOptions): BriefRun[] {
  const maxBins = Math.max(1, Math.round(options.briefMaxSec / options.binSec));
  const runs: BriefRun[] = [];
  const beyond = (k: number, sign: number) => isValue(z[k]) && z[k]! * sign >= options.briefReturnZ;
  let k = 0;
  while (k < z.length) {
    const v = z[k];
    if (!isValue(v) || Math.abs(v) < options.briefMinZ || (risesOnly && v < 0)) {
      k++;
      continue;
    }
    const sign = Math.sign(v);
    let from = k;
    while (from > 0 && beyond(from - 1, sign)) from--;
    while (k < z.length && beyond(k, sign)) k++;
    const run = briefRunAt(z, from, k, maxBins, noise, bar, options);
    if (run && (!sampleZ || samplesBeyond(sampleZ, from, k, sign, options.briefMinZ) >= options.briefMinSamples)) runs.push(run);
  }
  return runs;
}

function briefRunAt(z: Series, from: number, to: number, maxBins: number, noise: number, bar: number, options: FusionOptions): BriefRun | null {
  if (to - from > maxBins || !isValue(z[from - 1]) || !isValue(z[to])) return null;
  const before = observed(z, from - maxBins, from);
  const after = observed(z, to, to + maxBins);
  const meanBefore = mean(before)!;
  if (Math.abs(meanBefore) >= options.briefReturnZ || Math.abs(mean(after)!) >= options.briefReturnZ) return null;
  const during = mean(observed(z, from, to))!;
  const around = [...before, ...after];
  const standardError = noise * Math.sqrt(1 / (to - from) + 1 / around.length);
  if (Math.abs(during - mean(around)!) / standardError < bar) return null;
  return { from, to, contextFrom: from - maxBins, d: during - meanBefore };
}

/** How many samples in bins [from, to) are at least minZ out on the `sign` side. */
function samplesBeyond(sampleZ: readonly (readonly number[])[], from: number, to: number, sign: number, minZ: number): number {
  let count = 0;
  for (let k = from; k < to; k++) for (const v of sampleZ[k] ?? []) if (v * sign >= minZ) count++;
  return count;
}

/** The z-series with the excursions' bins set to null. */
export function withoutRuns(z: Series, runs: readonly BriefRun[]): Series {
  const masked = [...z];
  for (const run of runs) masked.fill(null, run.from, run.to);
  return masked;
}
