/**
 * A de-identified clip's picture: each face drawn as the outline of its landmarks (face oval, brows,
 * eyes, lips) and each body as lines between its keypoints, on a plain background — made from the
 * points alone, so no pixel of the recording can reach it. Pure: RGB bytes in, nothing else.
 */
import { KEYPOINT_INDEX, type KeypointName } from '../body/keypoints.ts';

export interface Edge {
  start: number;
  end: number;
}

export interface DrawnPeople {
  /** Per face: x, y of each landmark in turn, normalised to the frame. */
  faces: readonly (readonly number[])[];
  /** Per body: [x, y, score] × 17 (lib/body/keypoints.ts), normalised to the frame. */
  bodies: readonly (readonly number[])[];
}

const BACKGROUND = [24, 26, 32] as const;
const FACE_INK = [236, 236, 228] as const;
const BODY_INK = [110, 180, 240] as const;
/** Below this confidence a keypoint is not drawn (MoveNet's own demos use 0.3). */
const KEYPOINT_MIN_SCORE = 0.3;

const BODY_PAIRS: [KeypointName, KeypointName][] = [
  ['leftShoulder', 'rightShoulder'], ['leftShoulder', 'leftElbow'], ['leftElbow', 'leftWrist'],
  ['rightShoulder', 'rightElbow'], ['rightElbow', 'rightWrist'], ['leftShoulder', 'leftHip'],
  ['rightShoulder', 'rightHip'], ['leftHip', 'rightHip'], ['leftHip', 'leftKnee'], ['rightHip', 'rightKnee'],
  ['leftKnee', 'leftAnkle'], ['rightKnee', 'rightAnkle'],
];
/** The skeleton's lines, as keypoint indices (the head is the face drawing's, not the keypoints'). */
export const BODY_EDGES: readonly Edge[] = BODY_PAIRS.map(([a, b]) => ({ start: KEYPOINT_INDEX[a], end: KEYPOINT_INDEX[b] }));

class Canvas {
  readonly rgb: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.rgb = new Uint8Array(width * height * 3);
    for (let i = 0; i < this.rgb.length; i += 3) this.rgb.set(BACKGROUND, i);
  }

  /** A dot `size` pixels across at (x, y) in pixels; what falls outside the frame is left out. */
  private dot(x: number, y: number, size: number, ink: readonly number[]): void {
    for (let dy = 0; dy < size; dy++) {
      for (let dx = 0; dx < size; dx++) {
        const px = x + dx;
        const py = y + dy;
        if (px >= 0 && py >= 0 && px < this.width && py < this.height) this.rgb.set(ink, (py * this.width + px) * 3);
      }
    }
  }

  /** A straight line between two points in normalised coordinates. */
  line(x0: number, y0: number, x1: number, y1: number, size: number, ink: readonly number[]): void {
    const ax = x0 * this.width;
    const ay = y0 * this.height;
    const bx = x1 * this.width;
    const by = y1 * this.height;
    const steps = Math.min(4 * (this.width + this.height), Math.ceil(Math.max(Math.abs(bx - ax), Math.abs(by - ay))) + 1);
    const half = Math.floor(size / 2);
    for (let s = 0; s <= steps; s++) {
      const f = steps === 0 ? 0 : s / steps;
      this.dot(Math.round(ax + (bx - ax) * f) - half, Math.round(ay + (by - ay) * f) - half, size, ink);
    }
  }
}

const finite = (...values: (number | undefined)[]): boolean => values.every((v) => v !== undefined && Number.isFinite(v));

/** One frame of the drawing, `width` × `height` RGB. Lines are thicker on larger frames so they survive encoding. */
export function drawPeople(width: number, height: number, people: DrawnPeople, faceEdges: readonly Edge[]): Uint8Array {
  const canvas = new Canvas(width, height);
  const size = Math.max(1, Math.round(Math.max(width, height) / 320));
  for (const body of people.bodies) {
    for (const { start, end } of BODY_EDGES) {
      const [ax, ay, as] = [body[start * 3], body[start * 3 + 1], body[start * 3 + 2]];
      const [bx, by, bs] = [body[end * 3], body[end * 3 + 1], body[end * 3 + 2]];
      if (!finite(ax, ay, as, bx, by, bs) || (as as number) < KEYPOINT_MIN_SCORE || (bs as number) < KEYPOINT_MIN_SCORE) continue;
      canvas.line(ax as number, ay as number, bx as number, by as number, size + 1, BODY_INK);
    }
  }
  for (const face of people.faces) {
    for (const { start, end } of faceEdges) {
      const [ax, ay, bx, by] = [face[start * 2], face[start * 2 + 1], face[end * 2], face[end * 2 + 1]];
      if (finite(ax, ay, bx, by)) canvas.line(ax as number, ay as number, bx as number, by as number, size, FACE_INK);
    }
  }
  return canvas.rgb;
}
