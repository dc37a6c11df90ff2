/**
 * Self-touch as events: the stretches of a body track in which a hand is seen at the face, neck or other
 * arm. A hand to the face is a thing that happens, not a level that drifts, and it is binary: the
 * two-window test, built for cues that vary continuously, reads its on/off steps as noise. So touches
 * are found as runs here and weighed against the person's own habit (lib/fusion/touch-markers.ts).
 */
import type { BodyTrack } from '../analysis/types.ts';

export interface TouchRun {
  /** Sample indices of the first and last touching body frames. */
  first: number;
  last: number;
  /** Body frames in the run where the touch was seen. */
  seen: number;
  /** Body frames in the run where the person's body was found (touching or not). */
  observed: number;
}

/** A touch is kept when seen in at least this many body frames (one frame alone may be a misplaced wrist). */
const MIN_TOUCH_FRAMES = 2;
/**
 * One body frame between touches without one (a wrist MoveNet missed, or the body lost for a frame)
 * does not end the touch; two do.
 */
const MAX_GAP_FRAMES = 1;

/**
 * Whether a hand touches at body frame i: 1 when a hand is at the face, neck or other arm; 0 when the
 * body was found without that, including when no hand is in view (a hand out of the picture is not at a
 * face that is in it); null when the person's body was not found.
 */
export function touchAt(track: BodyTrack, i: number): 0 | 1 | null {
  if (track.presence[i] !== 1) return null;
  return track.selfTouch[i] === 1 ? 1 : 0;
}

/** Every run of self-touch in the track, in time order. */
export function touchRuns(track: BodyTrack): TouchRun[] {
  const spans: { first: number; last: number; seen: number }[] = [];
  for (let i = 0; i < track.t.length; i++) {
    if (touchAt(track, i) !== 1) continue;
    const current = spans.at(-1);
    if (current && i - current.last - 1 <= MAX_GAP_FRAMES) {
      current.last = i;
      current.seen++;
    } else spans.push({ first: i, last: i, seen: 1 });
  }
  return spans
    .filter((span) => span.seen >= MIN_TOUCH_FRAMES)
    .map((span) => ({ ...span, observed: track.presence.slice(span.first, span.last + 1).filter((p) => p === 1).length }));
}

/** The share of frames with a touch among the frames where the body was found in [from, to) seconds; null when none was found. */
export function touchShare(track: BodyTrack, from: number, to: number): number | null {
  let touching = 0;
  let observed = 0;
  for (let i = 0; i < track.t.length; i++) {
    const t = track.t[i]!;
    if (t < from || t >= to) continue;
    const touch = touchAt(track, i);
    if (touch === null) continue;
    observed++;
    touching += touch;
  }
  return observed === 0 ? null : touching / observed;
}
