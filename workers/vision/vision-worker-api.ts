/** The RPC methods a vision worker answers (see lib/workers/rpc.ts), shared by the worker and its pool. */
import type { FrameObservations, TaskModels, TaskMs, VisionDelegate } from '../../lib/vision/types.ts';

export interface InitParams {
  /** The model bytes of each landmark task; transferred, so each worker gets its own copies. */
  models: TaskModels<ArrayBuffer>;
  delegate: VisionDelegate;
  wasmLoaderUrl: string;
  wasmBinaryUrl: string;
  /** Where TensorFlow.js finds its wasm runtime files (the body task), ending in '/'. */
  tfjsWasmDirUrl: string;
  /** Faces carry their landmark points (see FaceObservation.landmarks). */
  faceLandmarks: boolean;
  /** The most faces the face model looks for in a frame. */
  maxFaces: number;
}

export interface DetectParams {
  t: number;
  width: number;
  height: number;
  /** Transferred buffer holding the RGBA pixels from `pixelOffset` on (the frame message, header and all). */
  pixels: ArrayBuffer;
  pixelOffset: number;
  /** Whether to run the body task on this frame (lib/body/body-schedule.ts). */
  bodies: boolean;
}

/** A frame's observations and what each task's model call cost. */
export interface DetectResult {
  observations: FrameObservations;
  ms: TaskMs;
}

export type VisionWorkerApi = {
  init: [InitParams, null, never];
  detect: [DetectParams, DetectResult, never];
};
