/**
 * Where to look for a person's body, given their face. MoveNet (single-pose) finds the most prominent
 * person in the square it is shown; shown a square around each face it finds that face's body, so two
 * people in one frame (a gallery view, a wide shot) each get their own, already matched to their face.
 *
 * The square is 5 face-heights wide, centred on the face and starting 0.6 face-heights above it: for a
 * seated person that is head to hips and elbow to elbow. Parts of it outside the frame are black.
 *
 * When someone else is in that square and more prominent (a person standing behind, seen whole), MoveNet
 * returns their body instead; in multi_face.avi that happened in about half the seated man's frames, and
 * sometimes as a chimera (his eyes, the other man's shoulders). So a body is kept only when its head
 * lies on the face it was sought for and its shoulders hang below that face (bodyFitsFace); when not,
 * a tighter square (3 face-heights) is tried once before the face is left without a body.
 */
import { keypoint } from './keypoints.ts';
import type { FaceObservation } from '../vision/types.ts';

/** A square region in frame coordinates normalised to 0..1 (it may extend past the frame's edges). */
export interface CropBox {
  x: number;
  y: number;
  /** Width and height as fractions of the frame's width and height: equal in pixels. */
  w: number;
  h: number;
}

/** How wide a square to look in, in face-heights, and how far above the face it starts. */
export interface CropShape {
  side: number;
  above: number;
}

export const WIDE_CROP: CropShape = { side: 5, above: 0.6 };
export const TIGHT_CROP: CropShape = { side: 3, above: 0.4 };

export function bodyCropForFace(face: FaceObservation['box'], frameWidth: number, frameHeight: number, shape: CropShape = WIDE_CROP): CropBox {
  const sidePx = face.h * frameHeight * shape.side;
  const centreX = face.x + face.w / 2;
  const w = sidePx / frameWidth;
  return { x: centreX - w / 2, y: face.y - face.h * shape.above, w, h: sidePx / frameHeight };
}

/** A keypoint counts when the model gives it at least this confidence (MoveNet's own drawing threshold is 0.3). */
const HEAD_POINT_MIN_SCORE = 0.2;
/** How far past the face box, in face-heights, the head's points may lie and still be on that face. */
const HEAD_SLACK_IN_FACE_HEIGHTS = 0.25;

/** How far sideways of the face's centre, in face-widths, the shoulders' midpoint may be (a person leaning sideways). */
const SHOULDER_SHIFT_IN_FACE_WIDTHS = 1.5;

/**
 * Whether a body found for a face is that face's body: its head (the confident ones of nose, eyes and
 * ears, averaged) lies on the face box, and its shoulders, when seen, are each below the face's centre and
 * not far to one side. Keypoints are [x, y, score] × 17 in frame coordinates.
 */
export function bodyFitsFace(keypoints: readonly number[], face: FaceObservation['box']): boolean {
  if (!headOnFace(keypoints, face)) return false;
  const [left, right] = [keypoint(keypoints, 'leftShoulder'), keypoint(keypoints, 'rightShoulder')];
  if (left.score < HEAD_POINT_MIN_SCORE || right.score < HEAD_POINT_MIN_SCORE) return true;
  const below = left.y > face.y + face.h / 2 && right.y > face.y + face.h / 2;
  return below && Math.abs((left.x + right.x) / 2 - (face.x + face.w / 2)) <= face.w * SHOULDER_SHIFT_IN_FACE_WIDTHS;
}

function headOnFace(keypoints: readonly number[], face: FaceObservation['box']): boolean {
  const points = (['nose', 'leftEye', 'rightEye', 'leftEar', 'rightEar'] as const)
    .map((name) => keypoint(keypoints, name))
    .filter((p) => p.score >= HEAD_POINT_MIN_SCORE);
  if (points.length === 0) return false;
  const x = points.reduce((sum, p) => sum + p.x, 0) / points.length;
  const y = points.reduce((sum, p) => sum + p.y, 0) / points.length;
  // A face box is about square in pixels, so a quarter of its width is about a quarter of its height.
  const [slackX, slackY] = [face.w * HEAD_SLACK_IN_FACE_HEIGHTS, face.h * HEAD_SLACK_IN_FACE_HEIGHTS];
  return x >= face.x - slackX && x <= face.x + face.w + slackX && y >= face.y - slackY && y <= face.y + face.h + slackY;
}

/** A point given 0..1 within the crop, back in frame coordinates. */
export function cropToFrame(crop: CropBox, x: number, y: number): { x: number; y: number } {
  return { x: crop.x + x * crop.w, y: crop.y + y * crop.h };
}
