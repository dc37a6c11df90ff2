/** Turns one face of a MediaPipe Face Landmarker result into the FaceObservation the pipeline carries. */
import { BLENDSHAPE_NAMES } from './blendshapes.ts';
import { headPoseFromMatrix } from './head-pose.ts';
import type { FaceObservation } from './types.ts';

/** A landmark in normalised image coordinates (0..1, may stray outside when the face leaves the frame). */
export interface LandmarkPoint {
  x: number;
  y: number;
}

export interface BlendshapeScore {
  categoryName: string;
  score: number;
}

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

/** The landmarks' bounding box, clipped to the frame so a half-visible face still has a box inside it. */
export function faceBox(landmarks: readonly LandmarkPoint[]): FaceObservation['box'] {
  if (landmarks.length === 0) throw new Error('a face needs at least one landmark');
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const { x, y } of landmarks) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const x = clamp01(minX);
  const y = clamp01(minY);
  return { x, y, w: clamp01(maxX) - x, h: clamp01(maxY) - y };
}

const NAME_INDEX = new Map<string, number>(BLENDSHAPE_NAMES.map((name, i) => [name, i]));

/**
 * Scores in BLENDSHAPE_NAMES order, looked up by name rather than trusted by position, so a model
 * that reorders or drops a category fails loudly instead of shifting every column.
 */
export function blendshapeVector(categories: readonly BlendshapeScore[]): number[] {
  const scores: (number | undefined)[] = new Array<number | undefined>(BLENDSHAPE_NAMES.length).fill(undefined);
  for (const { categoryName, score } of categories) {
    const index = NAME_INDEX.get(categoryName);
    if (index !== undefined) scores[index] = score;
  }
  const missing = BLENDSHAPE_NAMES.filter((_, i) => scores[i] === undefined);
  if (missing.length > 0) throw new Error(`face model gave no score for blendshape(s): ${missing.join(', ')}`);
  return scores as number[];
}

/** x, y of every landmark in turn, to 1/10 000 of the frame (finer than any pixel a clip is drawn at). */
export function landmarkPoints(landmarks: readonly LandmarkPoint[]): number[] {
  return landmarks.flatMap(({ x, y }) => [Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4]);
}

export function toFaceObservation(
  landmarks: readonly LandmarkPoint[],
  blendshapes: readonly BlendshapeScore[],
  transformationMatrix: ArrayLike<number>,
): FaceObservation {
  return { box: faceBox(landmarks), ...headPoseFromMatrix(transformationMatrix), blendshapes: blendshapeVector(blendshapes) };
}
