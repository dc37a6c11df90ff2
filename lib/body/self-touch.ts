/**
 * Self-touch in one frame: a hand at the face, at the neck, or on the other arm (holding or rubbing
 * it). MoveNet has no hand points, so a hand is placed where it is on most people: past the wrist by
 * a third of the forearm (elbow to wrist), or at the wrist when the elbow is not seen.
 *
 * A wrist at the picture's edge (within 5 % of its height) or past it is not counted: when the hands are
 * out of view, MoveNet still places them, with middling confidence, along the bottom edge — in a
 * close-up that is right under the chin, which would read as a hand at the face. (Found on the Pexels
 * close-up, where it made every laughing frame a "touch"; the clips without self-touch check it.)
 *
 * Regions, in face-heights (the face box the face model found):
 * - face: the face box widened by a quarter of its height on every side;
 * - neck: below the face box, as wide as it, down to half a face-height under the chin;
 * - other arm: within 0.4 face-heights (about an arm's thickness) of the other arm's upper arm (shoulder to elbow). The
 *   forearm is left out on purpose: hands resting together in the lap would otherwise count.
 *
 * selfTouch is 1 when a seen hand is in a region, 0 when hands are seen and none is, and null when no
 * hand is seen (out of the picture, or hidden), which is common in close-ups: absent, never a made-up 0.
 */
import { KEYPOINT_INDEX } from './keypoints.ts';
import { seen, type FaceBox, type Point } from './posture.ts';

/** Wrists are often half hidden when a hand is at the face; a lower bar than other points, as for MoveNet's hands elsewhere. */
const MIN_WRIST_SCORE = 0.2;
const HAND_PAST_WRIST = 1 / 3;
const FACE_MARGIN = 0.25;
const NECK_DEPTH = 0.5;
const ARM_REACH = 0.4;
const EDGE_MARGIN = 0.05;

/** The picture in frame-height units: 0..width across (the aspect ratio), 0..1 down. */
export interface FrameBounds {
  width: number;
}

export interface HandPoint {
  x: number;
  y: number;
}

export interface Hands {
  left: HandPoint | null;
  right: HandPoint | null;
}

export interface SelfTouchInFrame {
  selfTouch: 0 | 1 | null;
  hands: Hands;
}

function hand(points: readonly Point[], side: 'left' | 'right', frame: FrameBounds): HandPoint | null {
  const wrist = points[KEYPOINT_INDEX[`${side}Wrist`]];
  if (!seen(wrist, MIN_WRIST_SCORE)) return null;
  if (wrist.x < EDGE_MARGIN || wrist.x > frame.width - EDGE_MARGIN || wrist.y < EDGE_MARGIN || wrist.y > 1 - EDGE_MARGIN) return null;
  const elbow = points[KEYPOINT_INDEX[`${side}Elbow`]];
  if (!seen(elbow)) return { x: wrist.x, y: wrist.y };
  return { x: wrist.x + (wrist.x - elbow.x) * HAND_PAST_WRIST, y: wrist.y + (wrist.y - elbow.y) * HAND_PAST_WRIST };
}

function distanceToSegment(p: HandPoint, a: Point, b: Point): number {
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  const length2 = dx * dx + dy * dy;
  const along = length2 === 0 ? 0 : Math.min(1, Math.max(0, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
  return Math.hypot(p.x - (a.x + along * dx), p.y - (a.y + along * dy));
}

function touching(p: HandPoint, points: readonly Point[], otherSide: 'left' | 'right', face: FaceBox): boolean {
  const margin = face.h * FACE_MARGIN;
  const onFace = p.x >= face.x - margin && p.x <= face.x + face.w + margin && p.y >= face.y - margin && p.y <= face.y + face.h + margin;
  const onNeck = p.x >= face.x && p.x <= face.x + face.w && p.y > face.y + face.h && p.y <= face.y + face.h * (1 + NECK_DEPTH);
  const [shoulder, elbow] = [points[KEYPOINT_INDEX[`${otherSide}Shoulder`]], points[KEYPOINT_INDEX[`${otherSide}Elbow`]]];
  const onArm = seen(shoulder) && seen(elbow) && distanceToSegment(p, shoulder, elbow) <= face.h * ARM_REACH;
  return onFace || onNeck || onArm;
}

export function handsTouching(points: readonly Point[], face: FaceBox, frame: FrameBounds): SelfTouchInFrame {
  const hands: Hands = { left: hand(points, 'left', frame), right: hand(points, 'right', frame) };
  if (!hands.left && !hands.right) return { selfTouch: null, hands };
  const touch = (hands.left !== null && touching(hands.left, points, 'right', face)) || (hands.right !== null && touching(hands.right, points, 'left', face));
  return { selfTouch: touch ? 1 : 0, hands };
}
