/**
 * Where the vision host page finds its files, relative to its own origin. The headless engine answers
 * these paths from local files; the Electron app will answer them through its custom protocol.
 */
import type { TaskModels } from './types.ts';

export const VISION_PAGE_PATHS = {
  page: '/vision-page.html',
  pageScript: '/vision-page.js',
  worker: '/vision-worker.js',
  /** The headless engine's frame socket, held in a SharedWorker (workers/vision/frame-relay.ts). */
  frameRelay: '/frame-relay.js',
  wasmLoader: '/wasm/vision_wasm_module_internal.js',
  wasmBinary: '/wasm/vision_wasm_module_internal.wasm',
  /** TensorFlow.js's wasm runtime (the body task): the folder its loader is pointed at. */
  tfjsWasmDir: '/tfjs/',
  tfjsWasmFiles: ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'],
  /** Each landmark task's model files, in the order the task reads them. */
  models: {
    faces: ['/model/face_landmarker.task'],
    bodies: ['/model/movenet-lightning.json', '/model/movenet-lightning.bin'],
  } satisfies TaskModels<string>,
} as const;
