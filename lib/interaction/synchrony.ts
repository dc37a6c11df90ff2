/**
 * Nonverbal synchrony between the two people in view: how much their movements go together, window by
 * window, against the chance level of segment-shuffled surrogates; and a marker where synchrony that was
 * there drops away. Two movements are compared: the head's (from the face landmarks) and the upper body's
 * in the picture (Motion Energy Analysis, lib/body/region-motion.ts — the measure of the synchrony
 * literature). Method and parameters: docs/markers.md ("Synchrony").
 */
import type { FaceTrack, InteractionTrack, Series } from '../analysis/types.ts';
import { isValue, standardDeviation } from '../fusion/robust.ts';
import type { DraftMarker } from '../fusion/marker-build.ts';
import { headMovement } from '../signals/face-signals.ts';
import { windowedLaggedSynchrony, type LaggedWindowOptions } from './lagged-correlation.ts';
import { surrogateChance } from './surrogates.ts';

export const SYNCHRONY = {
  /** Long enough for a correlation to mean something (50 pairs at 5 frames/s), short enough to follow a session. */
  windowSec: 10,
  stepSec: 1,
  /** Answers to a movement come within a couple of seconds; rMEA's default is 5 s for minute-long windows. */
  maxLagSec: 2,
  /** A window needs both faces in at least this share of it. */
  minPresent: 0.8,
  surrogates: 20,
  seed: 2011,
  /** Synchrony "that was there": mostly above chance for this long (window centres) before the drop. */
  minSyncSec: 15,
  /** ...and then mostly below chance for this long. */
  minDropSec: 10,
  /** "Mostly": the share of a stretch's windows that must be above (before) or below (after) chance. */
  share: 0.75,
} as const;

/** The frames' spacing: the median step of the track's times. */
function stepOf(t: readonly number[]): number | null {
  const steps = t.slice(1).map((ti, i) => ti - t[i]!).filter((d) => d > 0).sort((a, b) => a - b);
  return steps.length ? steps[steps.length >> 1]! : null;
}

/** A series on the regular grid k·step: the sample within half a step of each grid time, else null. */
export function onRegularGrid(t: readonly number[], values: Series, step: number, samples: number): Series {
  const grid: Series = new Array<number | null>(samples).fill(null);
  for (let i = 0; i < t.length; i++) {
    const k = Math.round(t[i]! / step);
    if (k >= 0 && k < samples && Math.abs(t[i]! - k * step) <= step / 2 && isValue(values[i])) grid[k] = values[i]!;
  }
  return grid;
}

type SynchronyKind = InteractionTrack['kind'];

/** The movement each kind of synchrony compares, per face track (null when the track does not have it). */
const MOVEMENT: Record<SynchronyKind, (track: FaceTrack) => Series | null> = {
  'head-movement-synchrony': headMovement,
  'body-movement-synchrony': (track) => track.regionMotion ?? null,
};

/** The cue a drop of each kind carries, and its summary. */
const DROP: Record<SynchronyKind, { feature: string; summary: string }> = {
  'head-movement-synchrony': { feature: 'headMovementSynchrony', summary: 'The two people’s head movements, in step before, stopped going together' },
  'body-movement-synchrony': { feature: 'bodyMovementSynchrony', summary: 'The two people’s body movements, in step before, stopped going together' },
};

/** Head and body movement synchrony of the first two face tracks, each when it can be measured. */
export function pairSynchrony(faces: readonly FaceTrack[], durationSec: number): InteractionTrack[] {
  return (Object.keys(MOVEMENT) as SynchronyKind[]).flatMap((kind) => movementSynchrony(faces, durationSec, kind) ?? []);
}

/** Synchrony of the first two face tracks' head movement; null when there are not two, or too little of them together. */
export function headMovementSynchrony(faces: readonly FaceTrack[], durationSec: number): InteractionTrack | null {
  return movementSynchrony(faces, durationSec, 'head-movement-synchrony');
}

function movementSynchrony(faces: readonly FaceTrack[], durationSec: number, kind: SynchronyKind): InteractionTrack | null {
  const [first, second] = faces;
  if (!first || !second) return null;
  const [movementA, movementB] = [MOVEMENT[kind](first), MOVEMENT[kind](second)];
  if (!movementA || !movementB) return null;
  const step = stepOf(first.t);
  if (step === null) return null;
  const samples = Math.floor(durationSec / step) + 1;
  const windowSamples = Math.round(SYNCHRONY.windowSec / step);
  // Shuffling needs segments to shuffle: fewer than four windows' worth gives too few distinct surrogates.
  if (samples < 4 * windowSamples) return null;
  const a = onRegularGrid(first.t, movementA, step, samples);
  const b = onRegularGrid(second.t, movementB, step, samples);
  const options: LaggedWindowOptions = {
    windowSamples,
    stepSamples: Math.max(1, Math.round(SYNCHRONY.stepSec / step)),
    maxLagSamples: Math.round(SYNCHRONY.maxLagSec / step),
    minPairs: Math.ceil(SYNCHRONY.minPresent * windowSamples),
  };
  const chance = surrogateChance(a, b, options, SYNCHRONY.surrogates, SYNCHRONY.seed);
  if (!chance) return null;
  const windows = windowedLaggedSynchrony(a, b, options);
  return {
    kind,
    personIds: [first.personId, second.personId],
    t: windows.map((w) => (w.start + windowSamples / 2) * step),
    synchronyZ: windows.map((w) => w.peakZ),
    lagSec: windows.map((w) => (w.lag === null ? null : w.lag * step)),
    aboveChance: windows.map((w) => (w.peakZ !== null && w.peakZ > chance.p95 ? 1 : 0)),
    chanceZ: chance.p95,
    surrogateMeanZ: chance.mean,
    settings: { windowSec: SYNCHRONY.windowSec, stepSec: SYNCHRONY.stepSec, maxLagSec: SYNCHRONY.maxLagSec, surrogates: SYNCHRONY.surrogates },
  };
}

/** The first index whose time is greater than `value` (times ascending). */
function firstAfter(t: readonly number[], value: number): number {
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid]! > value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Mean z and share above chance of the measured windows with times in (from, to]; null when under half of them were measured. */
function stretch(track: InteractionTrack, from: number, to: number): { meanZ: number; above: number; last: number } | null {
  const first = firstAfter(track.t, from);
  const end = firstAfter(track.t, to + 1e-9);
  const expected = (to - from) / track.settings.stepSec;
  // The stretch must lie within the windows (not before the first or after the last), and half of it be measured.
  if (end - first < expected - 0.5) return null;
  let measured = 0;
  let above = 0;
  let sum = 0;
  let last = -1;
  for (let i = first; i < end; i++) {
    const z = track.synchronyZ[i];
    if (z === null || z === undefined) continue;
    measured++;
    sum += z;
    above += track.aboveChance[i] === 1 ? 1 : 0;
    last = i;
  }
  if (measured < 0.5 * expected) return null;
  return { meanZ: sum / measured, above: above / measured, last };
}

/**
 * A marker where synchrony that was there drops away: the windows of the minSyncSec before a moment
 * were mostly (≥ 75 %) above chance and those of the minDropSec after it mostly below. A lone window
 * dipping under or over chance does not split a stretch, and a face lost for a moment (unmeasured
 * windows) is allowed as long as half of each stretch was measured. Of neighbouring moments that
 * qualify, the one with the largest fall is kept; the marker spans from it to the end of the drop stretch.
 */
export function synchronyDrops(track: InteractionTrack): DraftMarker[] {
  const spread = standardDeviation(track.synchronyZ.filter(isValue)) ?? 0;
  const candidates = track.t.flatMap((t, i) => {
    if (track.synchronyZ[i] === null) return [];
    const before = stretch(track, t - SYNCHRONY.minSyncSec, t);
    const after = stretch(track, t, t + SYNCHRONY.minDropSec);
    if (!before || !after || before.above < SYNCHRONY.share || after.above > 1 - SYNCHRONY.share) return [];
    return [{ i, before, after, fall: before.meanZ - after.meanZ }];
  });
  const markers: DraftMarker[] = [];
  let region: typeof candidates = [];
  const close = (): void => {
    const best = region.reduce((a, b) => (b.fall > a.fall ? b : a), region[0]!);
    region = [];
    if (markers.length && track.t[best.i]! < markers.at(-1)!.endSec) return;
    markers.push({
      startSec: track.t[best.i]!,
      endSec: track.t[best.after.last]!,
      // The pair's marker: it belongs to neither person alone.
      personId: null,
      modality: ['interaction'],
      kind: 'synchrony-drop',
      score: Math.max(0, Math.min(1, best.fall / best.before.meanZ)),
      summary: DROP[track.kind].summary,
      cues: [{ feature: DROP[track.kind].feature, before: best.before.meanZ, after: best.after.meanZ, z: spread > 0 ? -best.fall / spread : null, measure: 'level' }],
    });
  };
  for (const candidate of candidates) {
    const previous = region.at(-1);
    if (previous && track.t[candidate.i]! - track.t[previous.i]! > track.settings.windowSec) close();
    region.push(candidate);
  }
  if (region.length) close();
  return markers;
}

/**
 * The drops of head and body synchrony as the pair's markers: where both drop at overlapping times it is
 * one change, with both cues (head first); where only one drops, that one's marker.
 */
export function pairSynchronyDrops(tracks: readonly InteractionTrack[]): DraftMarker[] {
  const markers: DraftMarker[] = [];
  for (const drop of tracks.flatMap(synchronyDrops)) {
    const same = markers.find((m) => drop.startSec < m.endSec && m.startSec < drop.endSec);
    if (!same) {
      markers.push(drop);
      continue;
    }
    same.startSec = Math.min(same.startSec, drop.startSec);
    same.endSec = Math.max(same.endSec, drop.endSec);
    same.score = Math.max(same.score, drop.score);
    same.cues = [...same.cues, ...drop.cues];
    same.summary = 'The two people’s head and body movements, in step before, stopped going together';
  }
  return markers.sort((a, b) => a.startSec - b.startSec);
}
