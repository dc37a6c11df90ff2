/** First index whose time is >= tSec in ascending times `t` (t.length if none): a binary search. */
export function lowerBound(t: ArrayLike<number>, tSec: number): number {
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid]! < tSec) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
