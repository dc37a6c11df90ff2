/** Small statistics on plain arrays. Callers pass only finite numbers (see isValue). */

/** Scales a median absolute deviation to a standard deviation for normally distributed data. */
export const MAD_TO_SD = 1.4826;

/** True for a finite number: the tracks use null for "not observed", and NaN must never leak through. */
export function isValue(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median absolute deviation from `center`, scaled to a standard deviation. */
export function madScale(values: readonly number[], center: number): number {
  return MAD_TO_SD * (median(values.map((v) => Math.abs(v - center))) ?? 0);
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Population standard deviation. */
export function standardDeviation(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null) return null;
  let sum = 0;
  for (const v of values) sum += (v - m) ** 2;
  return Math.sqrt(sum / values.length);
}
