/**
 * `npm run bench:markers`: how stable the markers are, so that a way of analysing less (a lower rate,
 * coarse-to-fine) is judged against what the dense path itself can repeat. Each recording is analysed by
 * the real `attune analyze` at the defaults (the reference), then as variants that change nothing a
 * clinician would care about, and at a lower rate:
 *   re-encoded        the recording re-encoded (x264 crf 12): the pixels perturbed, the frames the same;
 *   +half step        re-encoded, starting 0.1 s later: half a 5-frames/s step, so other frames are analysed;
 *   +one step         re-encoded, starting 0.2 s later: the same frames, but the 0.5-s bins fall elsewhere;
 *   2.5 fps           half the model calls.
 * Markers are paired with the reference's by kind, person and moment ±1 s (lib/fusion/marker-agreement.ts).
 * The calm session (bench-session.ts) is a face talking calmly with six expressive clips put in at known
 * times: the table counts how many of them some marker overlaps, and how many shift markers put the
 * moment of their change within 1 s of where a clip begins or ends.
 * The bench session is one 9.5-s recording played 19 times, each time at another phase to the frames
 * analysed and to the 0.5-s bins: a marker of one moment of it should be in every repetition, and the
 * table counts in how many it is.
 * Not a test: it prints a table to quote (about 15 minutes on 2 cores).
 *
 * `npm run bench:markers -- --refuse` analyses nothing: it runs fusion again on the tracks the last run
 * saved, in seconds, to judge a change to fusion alone (its inputs are the same), re-deriving each file's
 * markers from its tracks as `attune roles` does (lib/roles/assign-roles.ts).
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysis, Marker } from '../../lib/analysis/types.ts';
import { markerOnset } from '../../lib/analysis/marker-onset.ts';
import { markerAgreement } from '../../lib/fusion/marker-agreement.ts';
import { whatChanged } from '../../lib/fusion/summary.ts';
import { reassignRoles } from '../../lib/roles/assign-roles.ts';
import { runCli } from '../helpers/cli.ts';
import { durationOf, ffmpeg } from '../helpers/ffmpeg.ts';
import { makeGallerySession } from '../helpers/gallery-session.ts';
import { video } from '../helpers/paths.ts';
import { BENCH_OUTPUT, LOOPED_BASE, calmSession, longInput } from './bench-session.ts';

const WORK = join(BENCH_OUTPUT, 'markers');
const REFUSE = process.argv.includes('--refuse');

interface Variant {
  name: string;
  /** Seconds the variant's copy starts later than the recording (its markers come that much earlier). */
  offsetSec: number;
  /** The file to analyse and the extra arguments, from the recording. */
  prepare(recording: string, name: string): { file: string; args: string[] };
}

function reencoded(startSec: number) {
  return (recording: string, name: string) => {
    const file = join(WORK, `${name}-from-${startSec}.mp4`);
    ffmpeg('-ss', String(startSec), '-i', recording, '-c:v', 'libx264', '-crf', '12', '-preset', 'veryfast', '-c:a', 'aac', '-b:a', '192k', file);
    return { file, args: [] };
  };
}

const VARIANTS: Variant[] = [
  { name: 're-encoded', offsetSec: 0, prepare: reencoded(0) },
  { name: '+half step', offsetSec: 0.1, prepare: reencoded(0.1) },
  { name: '+one step', offsetSec: 0.2, prepare: reencoded(0.2) },
  { name: '2.5 fps', offsetSec: 0, prepare: (file) => ({ file, args: ['--fps', '2.5'] }) },
];

function recordings(): { name: string; file: string; looped?: boolean; changes?: [number, number][] }[] {
  const gallery = join(WORK, 'gallery.mp4');
  const bench = join(WORK, 'bench-3min.mp4');
  if (!REFUSE) {
    makeGallerySession(gallery);
    ffmpeg('-i', longInput(10), '-t', '180', '-c', 'copy', bench);
  }
  const calm = calmSession();
  return [
    { name: 'gallery (90 s, two people)', file: gallery },
    { name: 'WolfgangLanger_Pexels', file: video('WolfgangLanger_Pexels.mp4') },
    { name: 'default.wmv', file: video('default.wmv') },
    { name: 'multi_face.avi', file: video('multi_face.avi') },
    { name: 'bench session, 3 min', file: bench, looped: true },
    { name: 'calm session, 3 min, 6 known changes', file: calm.file, changes: calm.changes },
  ];
}

async function markersOf(file: string, args: string[], out: string): Promise<Analysis['markers']> {
  if (REFUSE) {
    const saved = JSON.parse(readFileSync(join(out, 'analysis.json'), 'utf8')) as Analysis;
    return reassignRoles(saved, new Map()).markers;
  }
  const run = await runCli(['analyze', file, '--out', out, '--quiet', ...args], out, 900_000);
  if (run.code !== 0) throw new Error(`attune analyze ${file} ${args.join(' ')} failed:\n${run.stderr}`);
  return (run.analysis as Analysis).markers;
}

const pad = (text: string, width: number): string => text.padEnd(width);

/** What a marker says changed, without its duration: "Brief (1.5 s): brows raised" → "brief: brows raised". */
const what = (m: Marker): string => `${m.kind}: ${whatChanged(m.summary)}`;

/** How many of the known changes [start, end] some marker overlaps, ±1 s. */
function changesMarked(markers: readonly Marker[], changes: readonly [number, number][], offsetSec: number): number {
  return changes.filter(([start, end]) => markers.some((m) => m.startSec + offsetSec <= end + 1 && m.endSec + offsetSec >= start - 1)).length;
}

/** Of the shift markers, how many put their moment (changeSec) within 1 s of a known change's start or end. */
function shiftsOnChanges(markers: readonly Marker[], changes: readonly [number, number][], offsetSec: number): string {
  const shifts = markers.filter((m) => m.changeSec !== undefined);
  const near = shifts.filter((m) => changes.some((change) => change.some((edge) => Math.abs(m.changeSec! + offsetSec - edge) <= 1)));
  return `${near.length}/${shifts.length}`;
}

/**
 * For a recording that repeats one recording of `periodSec`: each moment of the repetition that has a
 * marker in any of the analyses, and in how many repetitions each analysis marks it (±1 s).
 */
function repeats(analyses: { name: string; markers: readonly Marker[]; offsetSec: number }[], periodSec: number, durationSec: number): string[] {
  const seen = analyses.flatMap(({ name, markers, offsetSec }) =>
    markers.map((m) => {
      const onset = markerOnset(m) + offsetSec;
      return { name, what: what(m), phase: onset % periodSec, loop: Math.floor(onset / periodSec) };
    }),
  );
  seen.sort((a, b) => a.what.localeCompare(b.what) || a.phase - b.phase);
  const moments: (typeof seen)[] = [];
  for (const item of seen) {
    const last = moments.at(-1);
    if (last && last[0]!.what === item.what && item.phase - last.at(-1)!.phase <= 1) last.push(item);
    else moments.push([item]);
  }
  return moments.map((moment) => {
    const loops = Math.ceil((durationSec - moment[0]!.phase) / periodSec);
    const counts = analyses.map(({ name }) => `${new Set(moment.filter((m) => m.name === name).map((m) => m.loop)).size}/${loops}`);
    return `${moment[0]!.what} at ${moment[0]!.phase.toFixed(1)} s: ${counts.join(' ')}`;
  });
}

async function main(): Promise<void> {
  if (!REFUSE) {
    rmSync(WORK, { recursive: true, force: true });
    mkdirSync(WORK, { recursive: true });
  }
  const totals = new Map(VARIANTS.map((v) => [v.name, { reference: 0, found: 0, extra: 0 }]));
  for (const [index, { name, file, looped, changes }] of recordings().entries()) {
    const reference = await markersOf(file, [], join(WORK, `${index}-reference`));
    console.warn(`${name}: ${reference.length} markers at the defaults`);
    const analyses = [{ name: 'reference', markers: reference, offsetSec: 0 }];
    for (const variant of VARIANTS) {
      const { file: variantFile, args } = REFUSE ? { file, args: [] } : variant.prepare(file, String(index));
      const other = await markersOf(variantFile, args, join(WORK, `${index}-${variant.name.replace(/\W+/g, '')}`));
      analyses.push({ name: variant.name, markers: other, offsetSec: variant.offsetSec });
      const agreement = markerAgreement(reference, other, { offsetSec: variant.offsetSec });
      const total = totals.get(variant.name)!;
      total.reference += reference.length;
      total.found += agreement.found.length;
      total.extra += agreement.extra.length;
      const missed = agreement.missed.map((m) => `${m.kind}@${markerOnset(m).toFixed(1)}`).join(' ');
      console.warn(`  ${pad(variant.name, 11)} re-found ${agreement.found.length}/${reference.length}, ${agreement.extra.length} extra${missed ? `; missed ${missed}` : ''}`);
    }
    if (looped) {
      console.warn(`  repetitions marked (${analyses.map((a) => a.name).join(', ')}):`);
      for (const line of repeats(analyses, durationOf(LOOPED_BASE), durationOf(file))) console.warn(`    ${line}`);
    }
    if (changes) {
      console.warn(`  known changes marked: ${analyses.map((a) => `${a.name} ${changesMarked(a.markers, changes, a.offsetSec)}/${changes.length}`).join(', ')}`);
      console.warn(`  shifts placed within 1 s of a change's start or end: ${analyses.map((a) => `${a.name} ${shiftsOnChanges(a.markers, changes, a.offsetSec)}`).join(', ')}`);
    }
  }
  console.warn('\nall recordings:');
  for (const [name, { reference, found, extra }] of totals) console.warn(`  ${pad(name, 11)} re-found ${found}/${reference} (${((100 * found) / Math.max(1, reference)).toFixed(0)} %), ${extra} extra`);
}

await main();
