/**
 * Movement over time, per person, from the keypoints of successive body frames:
 * - motionEnergy: how fast the upper body moves, in face-heights per second: the mean speed of the nose,
 *   shoulders, elbows and wrists seen in both of two successive body frames (no further apart than a
 *   quarter step more than the body schedule's, so a missed frame does not stretch the measure). A still person
 *   scores near the keypoints' own jitter, a gesturing one several times more; compared against the
 *   person's own usual level, like every cue.
 * - fidgeting: small repetitive hand movement: over the five body frames around a frame (3 s), how far a hand
 *   travels per second while it stays within half a face-height of its average place there (a hand
 *   that goes somewhere is gesturing or reaching, not fidgeting). The larger of the two hands; null
 *   when no hand is seen in most of the window. At 5/3 body frames a second, movement faster than
 *   about one back-and-forth a second is not resolved: it shows as some travel, not its rate.
 */
import type { Series } from '../analysis/types.ts';
import { BODY_STEP_SEC } from './body-schedule.ts';
import { KEYPOINT_INDEX } from './keypoints.ts';
import { seen, type Point } from './posture.ts';
import type { HandPoint, Hands } from './self-touch.ts';

const MAX_STEP_SEC = 1.25 * BODY_STEP_SEC;
const MOVING_POINTS = (['nose', 'leftShoulder', 'rightShoulder', 'leftElbow', 'rightElbow', 'leftWrist', 'rightWrist'] as const).map((name) => KEYPOINT_INDEX[name]);
/** Two and a half body steps either side: the five or so body frames fidgeting was designed on (1 s at 2.5/s). */
const FIDGET_HALF_WINDOW_SEC = 2.5 * BODY_STEP_SEC;
const FIDGET_MIN_SHARE_SEEN = 0.6;
const FIDGET_MAX_RANGE = 0.5;

const round4 = (value: number): number => Math.round(value * 1e4) / 1e4;

export function motionEnergy(times: readonly number[], frames: readonly (readonly Point[] | null)[], faceHeight: Series): Series {
  return times.map((t, i) => {
    const [now, before, hNow, hBefore] = [frames[i], frames[i - 1], faceHeight[i], faceHeight[i - 1]];
    if (i === 0 || !now || !before || hNow === null || hNow === undefined || hBefore === null || hBefore === undefined) return null;
    const dt = t - (times[i - 1] as number);
    if (!(dt > 0) || dt > MAX_STEP_SEC) return null;
    const steps = MOVING_POINTS.flatMap((k) => {
      const [a, b] = [before[k], now[k]];
      return seen(a) && seen(b) ? [Math.hypot(b.x - a.x, b.y - a.y)] : [];
    });
    if (steps.length === 0) return null;
    const mean = steps.reduce((sum, s) => sum + s, 0) / steps.length;
    return round4(mean / ((hNow + hBefore) / 2) / dt);
  });
}

function handFidget(times: readonly number[], from: number, to: number, path: readonly (HandPoint | null)[], faceHeight: Series): number | null {
  const seenAt: number[] = [];
  for (let i = from; i <= to; i++) if (path[i] && typeof faceHeight[i] === 'number') seenAt.push(i);
  if (seenAt.length < Math.max(2, FIDGET_MIN_SHARE_SEEN * (to - from + 1))) return null;
  const h = seenAt.reduce((sum, i) => sum + (faceHeight[i] as number), 0) / seenAt.length;
  const centre = seenAt.reduce((c, i) => ({ x: c.x + path[i]!.x / seenAt.length, y: c.y + path[i]!.y / seenAt.length }), { x: 0, y: 0 });
  const range = Math.max(...seenAt.map((i) => Math.hypot(path[i]!.x - centre.x, path[i]!.y - centre.y)));
  if (range / h > FIDGET_MAX_RANGE) return 0;
  let travel = 0;
  for (let j = 1; j < seenAt.length; j++) {
    const [a, b] = [path[seenAt[j - 1]!]!, path[seenAt[j]!]!];
    travel += Math.hypot(b.x - a.x, b.y - a.y);
  }
  const span = (times[seenAt.at(-1)!] as number) - (times[seenAt[0]!] as number);
  return span > 0 ? travel / h / span : null;
}

export function fidgeting(times: readonly number[], hands: readonly Hands[], faceHeight: Series): Series {
  const left = hands.map((h) => h.left);
  const right = hands.map((h) => h.right);
  let from = 0;
  let to = 0;
  return times.map((t, i) => {
    while ((times[from] as number) < t - FIDGET_HALF_WINDOW_SEC) from++;
    while (to + 1 < times.length && (times[to + 1] as number) <= t + FIDGET_HALF_WINDOW_SEC) to++;
    if (!hands[i]?.left && !hands[i]?.right) return null;
    const values = [handFidget(times, from, to, left, faceHeight), handFidget(times, from, to, right, faceHeight)].filter((v): v is number => v !== null);
    return values.length === 0 ? null : round4(Math.max(...values));
  });
}
