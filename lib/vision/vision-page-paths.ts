/**
 * Where the vision host page finds its files, relative to its own origin. The headless engine answers
 * these paths from local files; the Electron app will answer them through its custom protocol.
 */
import type { TaskModels } from './types.ts';

export const VISION_PAGE_PATHS = {
  page: '/vision-page.html',
  pageScript: '/vision-page.js',
  worker: '/vision-worker.js',
  wasmLoader: '/wasm/vision_wasm_module_internal.js',
  wasmBinary: '/wasm/vision_wasm_module_internal.wasm',
  /** One model per landmark task. */
  models: { faces: '/model/face_landmarker.task' } satisfies TaskModels<string>,
} as const;
