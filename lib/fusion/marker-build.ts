/** Turning a detected change into a marker: its cues with before/after values, score and summary. */
import type { Marker, Modality, Series } from '../analysis/types.ts';
import type { CueStream, EvidenceCue } from './cue-types.ts';
import type { Grid } from './grid.ts';
import { edgeSec } from './grid.ts';
import { isValue, mean } from './robust.ts';
import { summarise } from './summary.ts';

export type DraftMarker = Omit<Marker, 'id'>;

/** One cue's part in a marker: how much it changed and over which bins before and after. */
export interface CueEvidence {
  stream: CueStream;
  /** The cue's z-series; only bins observed here count towards before/after. */
  z: Series;
  /** After minus before, in typical spreads. */
  d: number;
  before: readonly [number, number];
  after: readonly [number, number];
}

/** Cues listed per marker, strongest first; the modality names only listed cues. */
const MAX_CUES = 6;
/** Track features reported per cue: the ones that changed most (e.g. both smile corners). */
const FEATURES_PER_CUE = 2;

export const round3 = (x: number) => Math.round(x * 1000) / 1000;

function featureMean(series: Series, z: Series, [from, to]: readonly [number, number]): number | null {
  const values: number[] = [];
  for (let k = Math.max(0, from); k < Math.min(to, series.length); k++) {
    const v = series[k];
    if (isValue(z[k]) && isValue(v)) values.push(v);
  }
  return mean(values);
}

function evidenceCues(cue: CueEvidence): EvidenceCue[] {
  const cues: EvidenceCue[] = [];
  for (const [feature, series] of cue.stream.features) {
    const before = featureMean(series, cue.z, cue.before);
    const after = featureMean(series, cue.z, cue.after);
    if (before !== null && after !== null) {
      cues.push({ feature, before: round3(before), after: round3(after), z: round3(cue.d), measure: cue.stream.info.measure });
    }
  }
  return cues.sort((a, b) => Math.abs(b.after! - b.before!) - Math.abs(a.after! - a.before!)).slice(0, FEATURES_PER_CUE);
}

/**
 * Score in 0..1 from the evidence: r = root-sum-square of the cues' d over the kind's threshold, and
 * score = 1 − 2^(−r). Just at threshold 0.5, twice it 0.75, three times 0.875: each further threshold's
 * worth of change halves the distance to 1. A ranking of strength, not a probability.
 */
export function scoreOf(cues: readonly CueEvidence[], threshold: number): number {
  const r = Math.sqrt(cues.reduce((sum, c) => sum + c.d ** 2, 0)) / threshold;
  return round3(1 - 2 ** -r);
}

export interface MarkerSpec {
  kind: 'shift' | 'brief';
  personId: string | null;
  /** Bin edges of the marker's span. */
  from: number;
  to: number;
  /** For a shift, the edge where the before and after windows meet: when the change happened. */
  at?: number;
  cues: readonly CueEvidence[];
  /** The d that a single cue needs for this kind; the score is measured in multiples of it. */
  threshold: number;
}

/** The marker for a change, or null when none of its cues has reportable before/after values. */
export function buildMarker(spec: MarkerSpec, grid: Grid): DraftMarker | null {
  const ranked = [...spec.cues].sort((a, b) => Math.abs(b.d) - Math.abs(a.d)).slice(0, MAX_CUES);
  const listed = ranked.map((cue) => ({ cue, evidence: evidenceCues(cue) })).filter((c) => c.evidence.length > 0);
  if (listed.length === 0) return null;
  const modality = (['face', 'body', 'voice'] as const).filter((m) => listed.some((c) => c.cue.stream.info.modality === m)) as Modality[];
  // Rounding must not push a time past the end of the media.
  const secAt = (edge: number) => Math.min(grid.durationSec, round3(edgeSec(grid, edge)));
  const startSec = secAt(spec.from);
  const endSec = Math.max(startSec, secAt(spec.to));
  const summary = summarise(
    listed.map(({ cue, evidence }) => ({ info: cue.stream.info, d: cue.d, change: Math.abs(evidence[0]!.after! - evidence[0]!.before!) })),
    spec.kind === 'brief' ? endSec - startSec : undefined,
  );
  return {
    startSec,
    endSec,
    personId: spec.personId,
    modality,
    kind: spec.kind,
    ...(spec.at === undefined ? {} : { changeSec: secAt(spec.at) }),
    score: scoreOf(spec.cues, spec.threshold),
    summary,
    cues: listed.flatMap((c) => c.evidence),
    ...(spec.kind === 'brief' ? { missedBecause: ['brief'] } : {}),
  };
}
