/** The standard normal distribution's quantiles, for turning a false-alarm budget into a bar. */

// P. J. Acklam's rational approximation of the inverse normal CDF (2003): relative error below 1.2e-9
// over the whole range, far finer than any bar needs.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239] as const;
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1] as const;
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783] as const;
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;
/** Below this (and above 1 minus it) the tail formula is used. */
const P_LOW = 0.02425;

/** The lower tail, p < P_LOW: x with Φ(x) = p, computed from p itself so tiny p keep their precision. */
function lowerTail(p: number): number {
  const q = Math.sqrt(-2 * Math.log(p));
  return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
}

/** x with Φ(x) = p for the standard normal CDF Φ; −∞ at 0, +∞ at 1, NaN outside [0, 1]. */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p < P_LOW) return lowerTail(p);
  if (p > 1 - P_LOW) return -lowerTail(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
}

/** The two-sided bar: z with P(|Z| > z) = alpha for a standard normal Z (1.96 for 0.05, 2.576 for 0.01). */
export function twoSidedZ(alpha: number): number {
  // −Φ⁻¹(α/2) rather than Φ⁻¹(1 − α/2): 1 − α/2 rounds away the digits of a tiny α.
  return -normalQuantile(alpha / 2);
}
