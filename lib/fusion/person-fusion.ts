/**
 * Fusion per person: their cue streams, baselines and z-scores, brief excursions, the combined change
 * score and the shift and brief markers drawn from them, in three steps (measure, test, mark) so the
 * evidence bars can be spread over the whole recording's comparisons first.
 */
import type { BodyTrack, FaceTrack, Series, VoiceTrack } from '../analysis/types.ts';
import { baselineOf, noiseOf, zSeries } from './baseline.ts';
import { bodyCueStreams } from './body-cues.ts';
import { findBriefRuns, withoutRuns, type BriefRun } from './brief.ts';
import type { CueStream } from './cue-types.ts';
import { faceCueStreams } from './face-cues.ts';
import type { Grid } from './grid.ts';
import { changeMoment } from './change-moment.ts';
import { buildMarker, type CueEvidence, type DraftMarker } from './marker-build.ts';
import { minWindowBins, type FusionOptions } from './options.ts';
import { findPeaks } from './peaks.ts';
import { isValue } from './robust.ts';
import { changeScore, changesOf, comparisonCount, isShift, windowSums, type CueChange } from './two-window.ts';
import { voiceCueStreams } from './voice-cues.ts';

/**
 * The tracks fused as one person. A body or voice track joins the face track with the same personId; a voice
 * track whose personId is null (speakers not yet attributed) stays on its own, because the voice in the
 * room may be the therapist's as much as the client's.
 */
export interface PersonTracks {
  personId: string | null;
  face: FaceTrack[];
  body: BodyTrack[];
  voice: VoiceTrack[];
}

export function groupByPerson(face: readonly FaceTrack[], body: readonly BodyTrack[], voice: readonly VoiceTrack[]): PersonTracks[] {
  const groups: PersonTracks[] = [];
  const byId = new Map<string, PersonTracks>();
  const groupFor = (personId: string) => {
    let group = byId.get(personId);
    if (!group) {
      group = { personId, face: [], body: [], voice: [] };
      byId.set(personId, group);
      groups.push(group);
    }
    return group;
  };
  for (const track of face) groupFor(track.personId).face.push(track);
  for (const track of body) groupFor(track.personId).body.push(track);
  for (const track of voice) {
    if (track.personId === null) groups.push({ personId: null, face: [], body: [], voice: [track] });
    else groupFor(track.personId).voice.push(track);
  }
  return groups;
}

export interface PersonTimeline {
  personId: string | null;
  /** Combined change score at each bin edge k (media time k × binSec), k = 0..binCount. */
  changeScore: number[];
  /** Each cue's z-score per bin, keyed by cue name; null where the cue was not observed. */
  cueZ: Record<string, Series>;
}

/** A cue measured against the person's baseline. */
interface StandardCue {
  stream: CueStream;
  z: Series;
  /** Each bin's samples as z, where the stream has them and the cue can make a brief marker. */
  sampleZ: number[][] | null;
  noise: number;
}

/** A cue after the tests: its brief excursions and its two-window change at every bin edge. */
interface TestedCue extends StandardCue {
  briefRuns: BriefRun[];
  /** z without the brief excursions: what the two-window test sees. */
  lasting: Series;
  /** The change at each bin edge 0..binCount; null where a window observed too few bins. */
  changes: (CueChange | null)[];
}

/**
 * Fusion runs in three steps so the evidence bars can count every comparison in the recording first:
 * measurePerson (baselines, z, noise) → testPerson (brief excursions at the brief bar, then the two-window
 * changes) → markPerson (change score and markers at the shift bar). detect-markers.ts runs them.
 */
export interface MeasuredPerson {
  personId: string | null;
  cues: StandardCue[];
}

export interface TestedPerson {
  personId: string | null;
  cues: TestedCue[];
}

function standardise(stream: CueStream): StandardCue | null {
  const baseline = baselineOf(stream.values, stream.info.scaleFloor);
  if (baseline === null) return null;
  const z = zSeries(stream.values, baseline);
  const samples = stream.info.brief ? stream.samples : undefined;
  const sampleZ = samples?.map((bin) => bin.map((v) => (v - baseline.median) / baseline.scale)) ?? null;
  return { stream, z, sampleZ, noise: noiseOf(z) };
}

export function measurePerson(tracks: PersonTracks, grid: Grid): MeasuredPerson {
  const streams = [
    ...tracks.face.flatMap((t) => faceCueStreams(t, grid)),
    ...tracks.body.flatMap((t) => bodyCueStreams(t, grid)),
    ...tracks.voice.flatMap((t) => voiceCueStreams(t, grid)),
  ];
  return { personId: tracks.personId, cues: streams.map(standardise).filter((c): c is StandardCue => c !== null) };
}

/** The places a brief excursion could start: the observed bins of the person's brief cues. */
export function briefTestCount(person: MeasuredPerson): number {
  return person.cues.filter((c) => c.stream.info.brief).reduce((total, c) => total + c.z.filter(isValue).length, 0);
}

export function testPerson(person: MeasuredPerson, grid: Grid, wBins: number, briefBar: number, options: FusionOptions): TestedPerson {
  const minBins = minWindowBins(wBins, options);
  const cues = person.cues.map((cue): TestedCue => {
    const { brief } = cue.stream.info;
    const briefRuns = brief ? findBriefRuns({ z: cue.z, noise: cue.noise, sampleZ: cue.sampleZ, risesOnly: brief === 'rises' }, briefBar, options) : [];
    const lasting = withoutRuns(cue.z, briefRuns);
    return { ...cue, briefRuns, lasting, changes: changesOf({ sums: windowSums(lasting), noise: cue.noise }, grid.binCount, wBins, minBins) };
  });
  return { personId: person.personId, cues };
}

/** The two-window comparisons the person's cues made: what the shift bar is spread over. */
export function shiftTestCount(person: TestedPerson): number {
  return comparisonCount(person.cues.map((c) => c.changes));
}

export function markPerson(person: TestedPerson, grid: Grid, wBins: number, shiftBar: number, options: FusionOptions): { timeline: PersonTimeline; markers: DraftMarker[] } {
  const { personId, cues } = person;
  const score = changeScore(cues.map((c) => c.changes), grid.binCount, shiftBar, options);
  // The shortest shift window, in which a change shorter than the test's window is found where it is (change-moment.ts).
  const shortBins = Math.min(wBins, Math.max(1, Math.round(options.windowMinSec / options.binSec)));

  const markers: DraftMarker[] = [];
  for (const peak of findPeaks(score, wBins)) {
    const shifted = cues.flatMap((cue) => {
      const change = cue.changes[peak.edge] ?? null;
      return isShift(change, shiftBar, options) ? [{ cue, d: change.d }] : [];
    });
    const changed = shifted.map(({ cue, d }): CueEvidence => ({ stream: cue.stream, z: cue.lasting, d, before: [peak.edge - wBins, peak.edge], after: [peak.edge, peak.edge + wBins] }));
    // The moment may move only to edges where the test still finds one of these cues changed the same way.
    const testHolds = (edge: number) =>
      shifted.some(({ cue, d }) => {
        const change = cue.changes[edge] ?? null;
        return isShift(change, shiftBar, options) && Math.sign(change.d) === Math.sign(d);
      });
    const moving = shifted.map(({ cue, d }) => ({ z: cue.lasting, d, noise: cue.noise }));
    const at = moving.length > 0 ? changeMoment(moving, peak.edge, wBins, shortBins, minWindowBins(shortBins, options), testHolds, options.evidenceFloor) : peak.edge;
    const marker = buildMarker({ kind: 'shift', personId, from: Math.min(peak.from, at), to: Math.max(peak.to, at), at, cues: changed, threshold: options.shiftMinEffect }, grid);
    if (marker) markers.push(marker);
  }
  for (const cluster of clusterBriefRuns(cues)) {
    const from = Math.min(...cluster.map((c) => c.run.from));
    const to = Math.max(...cluster.map((c) => c.run.to));
    const evidence = cluster.map(({ cue, run }): CueEvidence => ({ stream: cue.stream, z: cue.z, d: run.d, before: [run.contextFrom, run.from], after: [run.from, run.to] }));
    const marker = buildMarker({ kind: 'brief', personId, from, to, cues: evidence, threshold: options.briefMinZ }, grid);
    if (marker) markers.push(marker);
  }

  const cueZ: Record<string, Series> = {};
  for (const cue of cues) cueZ[cue.stream.info.name] = cue.z;
  return { timeline: { personId, changeScore: score, cueZ }, markers };
}

/** Brief excursions of different cues that overlap or touch in time are one moment. */
function clusterBriefRuns(cues: readonly TestedCue[]): { cue: TestedCue; run: BriefRun }[][] {
  const all = cues.flatMap((cue) => cue.briefRuns.map((run) => ({ cue, run })));
  all.sort((a, b) => a.run.from - b.run.from);
  const clusters: { cue: TestedCue; run: BriefRun }[][] = [];
  let end = -Infinity;
  for (const item of all) {
    const current = clusters.at(-1);
    if (current && item.run.from <= end) {
      current.push(item);
      end = Math.max(end, item.run.to);
    } else {
      clusters.push([item]);
      end = item.run.to;
    }
  }
  return clusters;
}
