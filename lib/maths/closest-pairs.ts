/**
 * Pairs the items of two lists one to one, closest first, so that no item accounts for two: used to
 * match presses with markers (lib/notice/compare.ts) and one analysis's markers with another's
 * (lib/fusion/marker-agreement.ts). `distance` is null for two items that may not pair at all. Equal
 * distances go by `orderLeft` (default: list order), then by the right list's order, so the same inputs
 * always give the same pairs. Returns [left index, right index] in the order the pairs were taken.
 */
export function closestPairs<L, R>(
  left: readonly L[],
  right: readonly R[],
  distance: (l: L, r: R) => number | null,
  orderLeft: (a: number, b: number) => number = (a, b) => a - b,
): [number, number][] {
  const candidates: { l: number; r: number; distance: number }[] = [];
  left.forEach((l, i) =>
    right.forEach((r, j) => {
      const d = distance(l, r);
      if (d !== null) candidates.push({ l: i, r: j, distance: d });
    }),
  );
  candidates.sort((a, b) => a.distance - b.distance || orderLeft(a.l, b.l) || a.r - b.r);
  const leftTaken = new Set<number>();
  const rightTaken = new Set<number>();
  const pairs: [number, number][] = [];
  for (const { l, r } of candidates) {
    if (leftTaken.has(l) || rightTaken.has(r)) continue;
    leftTaken.add(l);
    rightTaken.add(r);
    pairs.push([l, r]);
  }
  return pairs;
}
