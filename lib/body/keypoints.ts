/**
 * MoveNet's 17 body keypoints (COCO order). A body observation carries them flattened as
 * [x, y, score] × 17, x and y normalised to 0..1 of the frame (they may stray outside when a limb leaves
 * it), score 0..1 the model's confidence that the point is where it says.
 */
export const KEYPOINT_NAMES = [
  'nose', 'leftEye', 'rightEye', 'leftEar', 'rightEar',
  'leftShoulder', 'rightShoulder', 'leftElbow', 'rightElbow', 'leftWrist', 'rightWrist',
  'leftHip', 'rightHip', 'leftKnee', 'rightKnee', 'leftAnkle', 'rightAnkle',
] as const;

export type KeypointName = (typeof KEYPOINT_NAMES)[number];

export const KEYPOINT_COUNT = KEYPOINT_NAMES.length;
export const KEYPOINT_INDEX = Object.fromEntries(KEYPOINT_NAMES.map((name, i) => [name, i])) as Record<KeypointName, number>;

export interface Keypoint {
  x: number;
  y: number;
  score: number;
}

/** One keypoint of a flattened [x, y, score] × 17 list. */
export function keypoint(flat: readonly number[], name: KeypointName): Keypoint {
  const i = KEYPOINT_INDEX[name] * 3;
  return { x: flat[i] as number, y: flat[i + 1] as number, score: flat[i + 2] as number };
}
