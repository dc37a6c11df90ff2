/** Picking the moments of change out of the combined change score. */

export interface Peak {
  /** The bin edge where the score peaks: the best estimate of when the change happened. */
  edge: number;
  /** The bin edges around it where the score stays at or above half the peak: the span of the change. */
  from: number;
  to: number;
}

/**
 * Local maxima of a score (the first bin of a flat top), strongest first, each keeping `separation` bins
 * to itself (non-maximum suppression), returned in time order.
 */
export function findPeaks(score: readonly number[], separation: number): Peak[] {
  const candidates: number[] = [];
  score.forEach((s, k) => {
    if (s > 0 && s > (score[k - 1] ?? 0) && s >= (score[k + 1] ?? 0)) candidates.push(k);
  });
  candidates.sort((a, b) => score[b]! - score[a]! || a - b);
  const kept: number[] = [];
  for (const k of candidates) {
    if (kept.every((other) => Math.abs(other - k) >= separation)) kept.push(k);
  }
  return kept.sort((a, b) => a - b).map((edge) => spanOf(score, edge, separation));
}

function spanOf(score: readonly number[], edge: number, separation: number): Peak {
  const half = score[edge]! / 2;
  let from = edge;
  while (from > Math.max(0, edge - separation) && score[from - 1]! >= half) from--;
  let to = edge;
  while (to < Math.min(score.length - 1, edge + separation) && score[to + 1]! >= half) to++;
  return { edge, from, to };
}
