/** What the vision workers observe in frames, before people are given person ids. */

export interface FaceObservation {
  /** Bounding box of the face landmarks, normalised to 0..1 of the frame. */
  box: { x: number; y: number; w: number; h: number };
  yawDeg: number;
  pitchDeg: number;
  rollDeg: number;
  /** 52 scores in BLENDSHAPE_NAMES order. */
  blendshapes: number[];
  /**
   * Only from an engine asked for them (de-identified clips draw them; the analysis never keeps them):
   * x, y of each of the model's 478 landmarks in turn, normalised to the frame.
   */
  landmarks?: number[];
}

/** A body seen in a frame: the body of one of the frame's faces (see lib/body/body-crop.ts). */
export interface BodyObservation {
  /** Index, in the same frame's `faces`, of the face whose body this is. */
  face: number;
  /** [x, y, score] × 17 in KEYPOINT_NAMES order (lib/body/keypoints.ts), x and y normalised to the frame. */
  keypoints: number[];
}

/** The landmark tasks a vision worker runs, in order; each fills the FrameObservations list of its name. */
export const LANDMARK_TASK_KINDS = ['faces', 'bodies'] as const;
export type LandmarkTaskKind = (typeof LANDMARK_TASK_KINDS)[number];

/** Each landmark task's model files (bytes in the page, paths in main), in the order the task reads them. */
export type TaskModels<T> = Record<LandmarkTaskKind, T[]>;

/**
 * Everything the landmark tasks saw in one frame, one list per kind of observation. Each task fills
 * its own list; a new kind (bodies, hands) is one more field here and one more task in the worker.
 */
export interface FrameObservations {
  t: number;
  faces: FaceObservation[];
  /** null in frames the body model was not run on (lib/body/body-schedule.ts). */
  bodies: BodyObservation[] | null;
}

/** Milliseconds each landmark task took on one frame, timed in the worker around its model call. */
export type TaskMs = Partial<Record<LandmarkTaskKind, number>>;

/** Per landmark task: the frames it ran on and their total milliseconds in the workers (`npm run bench` prints it). */
export type ModelCost = Record<LandmarkTaskKind, { frames: number; ms: number }>;

/** Where a vision worker runs the model: WebAssembly on the CPU, or WebGL (a real GPU, or SwiftShader in software). */
export type VisionDelegate = 'CPU' | 'GPU';
