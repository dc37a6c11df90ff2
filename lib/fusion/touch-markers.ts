/**
 * Self-touch markers: a hand at the face, neck or other arm, for a person for whom that is not the
 * usual (lib/body/touch-runs.ts finds the touches). docs/markers.md "Body" explains the rule.
 */
import type { BodyTrack } from '../analysis/types.ts';
import { touchRuns, touchShare, type TouchRun } from '../body/touch-runs.ts';
import type { EvidenceCue } from './cue-types.ts';
import { round3, type DraftMarker } from './marker-build.ts';
import type { FusionOptions } from './options.ts';
import { median } from './robust.ts';

/**
 * A person with a hand at the face for at least this share of the body frames of the whole session touches
 * as a habit (or the session is one long touch): a touch is then their usual, and not marked.
 */
const HABITUAL_TOUCH_SHARE = 0.5;
/** The least typical spread of the self-touch share (as for a cue's floor): z = change in share / this. */
const TOUCH_SPREAD = 0.25;

const WHAT = 'hand at the face, neck or arm';

/** Seconds between body frames: the track's typical step. */
function frameStep(t: readonly number[]): number {
  return median(t.slice(1).map((ti, i) => ti - t[i]!)) ?? 0;
}

/**
 * Score from how many body frames saw the touch: 1 − 2^(−seen/2), so 2 frames (the least) 0.5, 4 frames
 * 0.75, 6 frames 0.875. A ranking of how well it was seen, not a probability.
 */
function touchScore(run: TouchRun): number {
  return round3(1 - 2 ** (-run.seen / 2));
}

export function touchMarkers(track: BodyTrack, durationSec: number, windowSec: number, options: FusionOptions): DraftMarker[] {
  const usual = touchShare(track, -Infinity, Infinity);
  if (usual === null || usual >= HABITUAL_TOUCH_SHARE) return [];
  const step = frameStep(track.t);
  const markers: DraftMarker[] = [];
  for (const run of touchRuns(track)) {
    const startSec = round3(track.t[run.first]!);
    const endSec = round3(Math.min(durationSec, track.t[run.last]! + step));
    const before = touchShare(track, startSec - windowSec, startSec) ?? usual;
    const during = run.seen / run.observed;
    const cue: EvidenceCue = { feature: 'selfTouch', before: round3(before), after: round3(during), z: round3((during - before) / TOUCH_SPREAD), measure: 'share' };
    const brief = endSec - startSec <= options.briefMaxSec;
    markers.push({
      startSec,
      endSec,
      personId: track.personId,
      modality: ['body'],
      kind: 'self-touch',
      score: touchScore(run),
      summary: brief ? `Brief (${(endSec - startSec).toFixed(1)} s): ${WHAT}` : `A ${WHAT} for ${(endSec - startSec).toFixed(1)} s`,
      cues: [cue],
      ...(brief ? { missedBecause: ['brief'] } : {}),
    });
  }
  return markers;
}
