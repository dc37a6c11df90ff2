/**
 * Posture in one frame, from the upper-body keypoints, in terms a clinician can check against the
 * picture. All three are 2-D measures of what the camera sees, compared later against the person's
 * own usual values (never against a norm):
 * - shoulderTiltDeg: the shoulder line's angle from level; positive when the person's left shoulder is
 *   lower (leaning or slumping to their left).
 * - noseAboveShoulders: how far the nose is above the shoulder line, in face-heights; smaller when the
 *   shoulders are raised toward the ears or the head is lowered.
 * - shoulderWidth: the shoulders' apparent width in face-heights; smaller when the torso is turned away
 *   from the camera or the shoulders are drawn in, and independent of distance to the camera.
 * Each is null when the points it needs are not confidently seen.
 */
import { KEYPOINT_INDEX } from './keypoints.ts';

/** A keypoint in frame-height units (x scaled by the frame's aspect), with its confidence. */
export interface Point {
  x: number;
  y: number;
  score: number;
}

export interface FaceBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A keypoint is used when the model gives it at least this confidence (MoveNet's own drawing threshold). */
export const MIN_KEYPOINT_SCORE = 0.3;

export interface Posture {
  shoulderTiltDeg: number | null;
  noseAboveShoulders: number | null;
  shoulderWidth: number | null;
}

const round = (value: number, places: number): number => Math.round(value * 10 ** places) / 10 ** places;

export function seen(point: Point | undefined, minScore = MIN_KEYPOINT_SCORE): point is Point {
  return point !== undefined && point.score >= minScore;
}

export function posture(points: readonly Point[], face: FaceBox): Posture {
  const [left, right, nose] = [points[KEYPOINT_INDEX.leftShoulder], points[KEYPOINT_INDEX.rightShoulder], points[KEYPOINT_INDEX.nose]];
  if (!seen(left) || !seen(right) || !(face.h > 0)) return { shoulderTiltDeg: null, noseAboveShoulders: null, shoulderWidth: null };
  const [dx, dy] = [left.x - right.x, left.y - right.y];
  // |dx|: a person seen from behind has their left shoulder on the picture's left; the tilt is the same.
  const tilt = (Math.atan2(dy, Math.abs(dx)) * 180) / Math.PI;
  return {
    shoulderTiltDeg: round(tilt, 2),
    noseAboveShoulders: seen(nose) ? round(((left.y + right.y) / 2 - nose.y) / face.h, 4) : null,
    shoulderWidth: round(Math.hypot(dx, dy) / face.h, 4),
  };
}
