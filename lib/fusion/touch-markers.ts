/**
 * Self-touch markers: a hand at the face, neck or other arm, for a person for whom that is not the
 * usual (lib/body/touch-runs.ts finds the touches). docs/markers.md "Body" explains the rule.
 */
import type { BodyTrack } from '../analysis/types.ts';
import { touchRuns, touchShare, type TouchRun } from '../body/touch-runs.ts';
import type { EvidenceCue } from './cue-types.ts';
import type { DraftMarker } from './marker-build.ts';
import type { FusionOptions } from './options.ts';

/**
 * A person with a hand at the face for at least this share of the body frames of the whole session touches
 * as a habit (or the session is one long touch): a touch is then their usual, and not marked.
 */
export const HABITUAL_TOUCH_SHARE = 0.5;
/** The least typical spread of the self-touch share (as for a cue's floor): z = change in share / this. */
const TOUCH_SPREAD = 0.25;

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Seconds between body frames: the track's typical step. */
function frameStep(t: readonly number[]): number {
  const steps = t.slice(1).map((ti, i) => ti - t[i]!).sort((a, b) => a - b);
  return steps.length > 0 ? steps[Math.floor(steps.length / 2)]! : 0;
}

/**
 * Score from how many body frames saw the touch: 1 − 2^(−seen/2), so 2 frames (the least) 0.5, 4 frames
 * 0.75, 6 frames 0.875. A ranking of how well it was seen, not a probability.
 */
function touchScore(run: TouchRun): number {
  return round3(1 - 2 ** (-run.seen / 2));
}

export function touchMarkers(track: BodyTrack, durationSec: number, windowSec: number, options: FusionOptions): DraftMarker[] {
  const step = frameStep(track.t);
  const markers: DraftMarker[] = [];
  const usual = touchShare(track, -Infinity, Infinity);
  if (usual === null || usual >= HABITUAL_TOUCH_SHARE) return [];
  for (const run of touchRuns(track)) {
    const startSec = round3(track.t[run.first]!);
    const endSec = round3(Math.min(durationSec, track.t[run.last]! + step));
    const before = touchShare(track, startSec - windowSec, startSec) ?? usual;
    const during = run.seen / run.observed;
    const cue: EvidenceCue = { feature: 'selfTouch', before: round3(before), after: round3(during), z: round3((during - before) / TOUCH_SPREAD), measure: 'share' };
    const brief = endSec - startSec <= options.briefMaxSec;
    const what = 'hand at the face, neck or arm';
    markers.push({
      startSec,
      endSec,
      personId: track.personId,
      modality: ['body'],
      kind: 'self-touch',
      score: touchScore(run),
      summary: brief ? `Brief (${(endSec - startSec).toFixed(1)} s): ${what}` : `A ${what} for ${(endSec - startSec).toFixed(1)} s`,
      cues: [cue],
      ...(brief ? { missedBecause: ['brief'] } : {}),
    });
  }
  return markers;
}
