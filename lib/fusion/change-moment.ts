/**
 * When a shift happened. The two-window test compares windows of W (10 s in a session), so a change that
 * lasts less than W looks the same from every edge at which one window holds all of it: the change score
 * is flat there, and its peak falls anywhere on that plateau. Measured on the calm bench session (a face
 * talking calmly, with 3-s expressive clips put in at known times): shift markers 2–7 s before the clip
 * began or after it ended, and moved by seconds when the recording started 0.1 or 0.2 s later.
 *
 * The same cues compared over the shortest window (windowMinSec, 3 s) change most where the change is. So
 * the moment is the edge, within W of the test's peak and where the test still finds the change, at which
 * the marker's cues — each in the direction it changed at the peak — change most over short windows; the
 * test's evidence stays that of the peak. Without the test's say, a burst elsewhere in the cues (a head
 * that moves a lot for a moment, 7 s away) took the moment on short clips.
 * A change longer than W (a step) peaks at the same edge either way.
 */
import type { Series } from '../analysis/types.ts';
import { windowMean, windowSums, type WindowSums } from './two-window.ts';

export interface ShiftedCue {
  /** The cue's z, brief excursions taken out (what the two-window test saw). */
  z: Series;
  /** Its change at the test's peak, in typical spreads: the sign says which way it went. */
  d: number;
  /** Its bin-to-bin noise, in typical spreads (baseline.ts noiseOf). */
  noise: number;
}

/** Σ sign(d)·(short-window change) over the cues at `edge`, and its standard error; null where no cue was observed enough. */
function shortChange(cues: readonly ShiftedCue[], sums: readonly WindowSums[], edge: number, shortBins: number, minBins: number): { score: number; se: number } | null {
  let score = 0;
  let variance = 0;
  let observed = false;
  cues.forEach((cue, c) => {
    const before = windowMean(sums[c]!, edge - shortBins, edge);
    const after = windowMean(sums[c]!, edge, edge + shortBins);
    if (before === null || after === null || before.n < minBins || after.n < minBins) return;
    score += Math.sign(cue.d) * (after.mean - before.mean);
    variance += cue.noise ** 2 * (1 / before.n + 1 / after.n);
    observed = true;
  });
  return observed ? { score, se: Math.sqrt(variance) } : null;
}

/**
 * The bin edge of the change: among the edges in [peak − wBins, peak + wBins] at which the two-window
 * test still holds (`testHolds`), the one where Σ sign(d)·(short-window change) over the cues is
 * largest — but only when that is more than `margin` standard errors of the short-window comparison
 * above the peak's own (the best of some forty noisy edges beats any one of them by one or two); a slow
 * change, whose short-window change is about as large all along, stays at the test's peak. `shortBins`
 * is the short window, `minBins` the fewest observed bins each of its windows needs.
 */
export function changeMoment(
  cues: readonly ShiftedCue[],
  peak: number,
  wBins: number,
  shortBins: number,
  minBins: number,
  testHolds: (edge: number) => boolean,
  /** How many standard errors the moment's short-window change must beat the peak's by. */
  margin: number,
): number {
  const sums = cues.map((cue) => windowSums(cue.z));
  const binCount = cues[0]?.z.length ?? 0;
  let best: { edge: number; score: number } | null = null;
  for (let edge = Math.max(0, peak - wBins); edge <= Math.min(binCount, peak + wBins); edge++) {
    if (edge === peak || !testHolds(edge)) continue;
    const change = shortChange(cues, sums, edge, shortBins, minBins);
    if (change && (best === null || change.score > best.score || (change.score === best.score && Math.abs(edge - peak) < Math.abs(best.edge - peak)))) {
      best = { edge, score: change.score };
    }
  }
  const atPeak = shortChange(cues, sums, peak, shortBins, minBins);
  if (best === null) return peak;
  if (atPeak === null) return best.edge;
  return best.score - atPeak.score > margin * atPeak.se ? best.edge : peak;
}
