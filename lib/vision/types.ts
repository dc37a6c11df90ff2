/** What the vision worker reports for one frame, before faces are given person ids. */

export interface FaceObservation {
  /** Bounding box of the face landmarks, normalised to 0..1 of the frame. */
  box: { x: number; y: number; w: number; h: number };
  yawDeg: number;
  pitchDeg: number;
  rollDeg: number;
  /** 52 scores in BLENDSHAPE_NAMES order. */
  blendshapes: number[];
}

export interface FrameFaces {
  t: number;
  faces: FaceObservation[];
}

/** Where a vision worker runs the model: WebAssembly on the CPU, or WebGL (a real GPU, or SwiftShader in software). */
export type VisionDelegate = 'CPU' | 'GPU';
