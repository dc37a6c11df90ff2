/**
 * How far two analyses of one recording agree on their markers — issue 26's "the same markers (±1 s)":
 * the same kind, for the same person, with onsets within a tolerance. Used to judge any change that
 * analyses less (a lower rate, coarse-to-fine) against the dense analysis, and the dense analysis against
 * itself on a recording that starts a fraction of a second later (npm run bench:markers).
 */
import type { Marker } from '../analysis/types.ts';
import { markerOnset } from '../analysis/marker-onset.ts';
import { closestPairs } from '../maths/closest-pairs.ts';

export interface AgreementOptions {
  /** Two markers are the same when their onsets are at most this far apart, seconds. */
  toleranceSec: number;
  /** Added to the other analysis's times first: a copy of the recording that starts `offsetSec` later reports everything that much earlier. */
  offsetSec: number;
}

export interface MarkerAgreement {
  /** The reference's markers found again, each paired with one marker of the other analysis. */
  found: { reference: Marker; other: Marker }[];
  /** The reference's markers the other analysis does not have. */
  missed: Marker[];
  /** The other analysis's markers the reference does not have. */
  extra: Marker[];
}

/**
 * Pairs markers one to one, closest onsets first (lib/maths/closest-pairs.ts), so that one marker never
 * accounts for two. Same inputs give the same pairs (ties go to the earlier marker in each list).
 */
export function markerAgreement(reference: readonly Marker[], other: readonly Marker[], options: Partial<AgreementOptions> = {}): MarkerAgreement {
  const { toleranceSec = 1, offsetSec = 0 } = options;
  const distance = (a: Marker, b: Marker): number | null => {
    const apart = Math.abs(markerOnset(a) - (markerOnset(b) + offsetSec));
    return a.kind === b.kind && a.personId === b.personId && apart <= toleranceSec ? apart : null;
  };
  const pairs = closestPairs(reference, other, distance).sort(([a], [b]) => a - b);
  const pairedReference = new Set(pairs.map(([r]) => r));
  const pairedOther = new Set(pairs.map(([, o]) => o));
  return {
    found: pairs.map(([r, o]) => ({ reference: reference[r]!, other: other[o]! })),
    missed: reference.filter((_, r) => !pairedReference.has(r)),
    extra: other.filter((_, o) => !pairedOther.has(o)),
  };
}
