/**
 * How far two analyses of one recording agree on their markers — issue 26's "the same markers (±1 s)":
 * the same kind, for the same person, at the same moment within a tolerance. Used to judge any change that
 * analyses less (a lower rate, coarse-to-fine) against the dense analysis, and the dense analysis against
 * itself on a recording that starts a fraction of a second later (npm run bench:markers).
 */
import type { Marker } from '../analysis/types.ts';

export interface AgreementOptions {
  /** Two markers are the same when their moments are at most this far apart, seconds. */
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

/** A marker's moment: when a shift happened (changeSec), else where it starts. */
export function markerMoment(marker: Marker): number {
  return marker.changeSec ?? marker.startSec;
}

/**
 * Pairs markers one to one, closest moments first, so that one marker never accounts for two. Same
 * inputs give the same pairs (ties go to the earlier marker in each list).
 */
export function markerAgreement(reference: readonly Marker[], other: readonly Marker[], options: Partial<AgreementOptions> = {}): MarkerAgreement {
  const { toleranceSec = 1, offsetSec = 0 } = options;
  const candidates: { r: number; o: number; distance: number }[] = [];
  reference.forEach((a, r) =>
    other.forEach((b, o) => {
      const distance = Math.abs(markerMoment(a) - (markerMoment(b) + offsetSec));
      if (a.kind === b.kind && a.personId === b.personId && distance <= toleranceSec) candidates.push({ r, o, distance });
    }),
  );
  candidates.sort((x, y) => x.distance - y.distance || x.r - y.r || x.o - y.o);
  const pairedReference = new Map<number, number>();
  const pairedOther = new Set<number>();
  for (const { r, o } of candidates) {
    if (pairedReference.has(r) || pairedOther.has(o)) continue;
    pairedReference.set(r, o);
    pairedOther.add(o);
  }
  return {
    found: [...pairedReference].sort(([a], [b]) => a - b).map(([r, o]) => ({ reference: reference[r]!, other: other[o]! })),
    missed: reference.filter((_, r) => !pairedReference.has(r)),
    extra: other.filter((_, o) => !pairedOther.has(o)),
  };
}
