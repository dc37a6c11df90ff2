/**
 * `npm run bench:sampling`: what analysing fewer frames would cost in markers, measured without analysing
 * anything again. The dense face tracks that the last `npm run bench:markers` saved (the reference
 * analyses, 5 frames a second) are thinned to the frames a sparser schedule would have analysed, fused
 * again, and their markers compared with the dense ones (kind, person and moment ±1 s; the same pairing
 * as bench:markers). Schedules:
 *   every 2nd / every 3rd   uniform thinning: 2.5 and 1.67 frames a second;
 *   coarse-to-fine          every 3rd frame, plus every frame within ±pad of a half-second bin in which
 *                           any cue that can make a brief marker is ≥ zBar of the person's typical spreads
 *                           from their baseline on the sparse track (the cheap pass finds candidates, the
 *                           dense pass looks closely at them; for a cue marked only when it rises, only
 *                           rises count).
 * It prints, per schedule and recording, the share of frames the face model would see and the markers
 * re-found. An approximation on one point: a real sparse run's face tracker would have seen other
 * frames before each one, so its values differ slightly from the dense run's at the same frame. Body
 * tracks (their own schedule, 5/3 a second) are left as they are.
 * Not a test: it prints a table to quote, in seconds.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysis, FaceTrack } from '../../lib/analysis/types.ts';
import { groupByPerson, measurePerson } from '../../lib/fusion/person-fusion.ts';
import { binAt, makeGrid } from '../../lib/fusion/grid.ts';
import { markerAgreement } from '../../lib/fusion/marker-agreement.ts';
import { resolveOptions } from '../../lib/fusion/options.ts';
import { reassignRoles } from '../../lib/roles/assign-roles.ts';
import { BENCH_OUTPUT } from './bench-session.ts';

const WORK = join(BENCH_OUTPUT, 'markers');
const { binSec } = resolveOptions();

interface Schedule {
  name: string;
  /** Per face track, which of its frames the schedule analyses. */
  frames(analysis: Analysis): ((i: number) => boolean)[];
}

function thinned(track: FaceTrack, keep: (i: number) => boolean): FaceTrack {
  const kept = track.t.flatMap((_, i) => (keep(i) ? [i] : []));
  const pick = <T>(series: readonly T[]): T[] => kept.map((i) => series[i]!);
  return {
    ...track,
    t: pick(track.t),
    presence: pick(track.presence),
    headYawDeg: pick(track.headYawDeg),
    headPitchDeg: pick(track.headPitchDeg),
    headRollDeg: pick(track.headRollDeg),
    blendshapes: Object.fromEntries(Object.entries(track.blendshapes).map(([name, series]) => [name, pick(series)])),
    ...(track.regionMotion ? { regionMotion: pick(track.regionMotion) } : {}),
  };
}

function withFaces(analysis: Analysis, keep: ((i: number) => boolean)[]): Analysis {
  return { ...analysis, tracks: { ...analysis.tracks, face: analysis.tracks.face.map((track, n) => thinned(track, keep[n]!)) } };
}

const everyNth = (n: number): Schedule => ({
  name: `every ${n === 2 ? '2nd' : n === 3 ? '3rd' : `${n}th`}`,
  frames: (analysis) => analysis.tracks.face.map(() => (i: number) => i % n === 0),
});

/** Bins where, on the sparse track, any cue that can make a brief marker is at least zBar out. */
function candidateBins(sparse: Analysis, zBar: number): boolean[] {
  const grid = makeGrid(sparse.source.durationSec, binSec);
  const flagged = new Array<boolean>(grid.binCount).fill(false);
  for (const person of groupByPerson(sparse.tracks.face, [], [])) {
    for (const cue of measurePerson(person, grid).cues) {
      const { brief } = cue.stream.info;
      if (!brief) continue;
      cue.z.forEach((z, k) => {
        if (z !== null && (brief === 'rises' ? z : Math.abs(z)) >= zBar) flagged[k] = true;
      });
    }
  }
  return flagged;
}

const coarseToFine = (zBar: number, padSec: number): Schedule => ({
  name: `1/3 + dense ±${padSec} s of z ≥ ${zBar}`,
  frames(analysis) {
    const coarse = everyNth(3).frames(analysis);
    const sparse = withFaces(analysis, coarse);
    const flagged = candidateBins(sparse, zBar);
    const pad = Math.round(padSec / binSec);
    const dense = flagged.map((_, k) => flagged.slice(Math.max(0, k - pad), k + pad + 1).includes(true));
    return analysis.tracks.face.map((track, n) => (i: number) => coarse[n]!(i) || dense[binAt(track.t[i]!, binSec)] === true);
  },
});

const SCHEDULES: Schedule[] = [everyNth(2), everyNth(3), coarseToFine(3, 1), coarseToFine(3, 1.5), coarseToFine(4, 1), coarseToFine(5, 1)];

function savedReferences(): { name: string; analysis: Analysis }[] {
  const dirs = readdirSync(WORK).filter((d) => d.endsWith('-reference')).sort();
  if (dirs.length === 0) throw new Error(`no saved analyses in ${WORK}: run "npm run bench:markers" first`);
  return dirs.map((dir) => {
    const analysis = JSON.parse(readFileSync(join(WORK, dir, 'analysis.json'), 'utf8')) as Analysis;
    return { name: `${dir.split('-')[0]} ${analysis.source.file}`, analysis };
  });
}

function main(): void {
  const recordings = savedReferences().map(({ name, analysis }) => ({ name, analysis, reference: reassignRoles(analysis, new Map()).markers }));
  for (const schedule of SCHEDULES) {
    console.warn(schedule.name);
    let [frames, seen, found, total, extra] = [0, 0, 0, 0, 0];
    for (const { name, analysis, reference } of recordings) {
      const keep = schedule.frames(analysis);
      const sparse = withFaces(analysis, keep);
      const [all, kept] = [analysis, sparse].map((a) => a.tracks.face.reduce((n, track) => n + track.t.length, 0)) as [number, number];
      const agreement = markerAgreement(reference, reassignRoles(sparse, new Map()).markers);
      [frames, seen, found, total, extra] = [frames + all, seen + kept, found + agreement.found.length, total + reference.length, extra + agreement.extra.length];
      console.warn(`  ${name.padEnd(28)} frames ${((100 * kept) / Math.max(1, all)).toFixed(0).padStart(3)} %, re-found ${agreement.found.length}/${reference.length}, ${agreement.extra.length} extra`);
    }
    console.warn(`  ${'all'.padEnd(28)} frames ${((100 * seen) / Math.max(1, frames)).toFixed(0).padStart(3)} %, re-found ${found}/${total} (${((100 * found) / Math.max(1, total)).toFixed(0)} %), ${extra} extra`);
  }
}

main();
