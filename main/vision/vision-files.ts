/**
 * The vision host page's files: one table for both hosts. Headless Chromium answers these paths on
 * its made-up origin by request interception (headless/serve-vision-files.ts); the app answers them on
 * `attune://vision/` through its protocol. Each host only says where its folders are; which files the page
 * may load, and from where, is written here once.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { attuneRoot } from '../../models/manifest.ts';
import type { LandmarkTaskKind, TaskModels } from '../../lib/vision/types.ts';
import { VISION_PAGE_PATHS } from '../../lib/vision/vision-page-paths.ts';

export interface VisionFileRoots {
  /** dist/workers: the page, its script and the worker bundle. */
  workersDir: string;
  /** The @mediapipe/tasks-vision package folder, whose wasm/ holds the face task's runtime. */
  tasksVisionDir: string;
  /** The @tensorflow/tfjs-backend-wasm package folder, whose dist/ holds the body task's runtime. */
  tfjsWasmDir: string;
}

/** The model files verified for this run (models/manifest.ts), by landmark task. */
export type VisionModels = TaskModels<string>;

/** Path on the page's origin → local file. */
export function visionFileTable(roots: VisionFileRoots, models: VisionModels): Map<string, string> {
  return new Map([
    [VISION_PAGE_PATHS.page, join(roots.workersDir, 'vision-page.html')],
    [VISION_PAGE_PATHS.pageScript, join(roots.workersDir, 'vision-page.js')],
    [VISION_PAGE_PATHS.worker, join(roots.workersDir, 'vision-worker.js')],
    [VISION_PAGE_PATHS.frameRelay, join(roots.workersDir, 'frame-relay.js')],
    [VISION_PAGE_PATHS.wasmLoader, join(roots.tasksVisionDir, 'wasm', 'vision_wasm_module_internal.js')],
    [VISION_PAGE_PATHS.wasmBinary, join(roots.tasksVisionDir, 'wasm', 'vision_wasm_module_internal.wasm')],
    ...VISION_PAGE_PATHS.tfjsWasmFiles.map((file) => [`${VISION_PAGE_PATHS.tfjsWasmDir}${file}`, join(roots.tfjsWasmDir, 'dist', file)] as const),
    ...Object.entries(VISION_PAGE_PATHS.models).flatMap(([task, paths]) => {
      const files = models[task as LandmarkTaskKind];
      if (files.length !== paths.length) throw new Error(`the ${task} task needs ${paths.length} model files, got ${files.length}`);
      return paths.map((path, i) => [path, files[i] as string] as const);
    }),
  ]);
}

/** Fails before any browser starts when a file is missing, naming it (and the fix, for the build's own files). */
export function checkVisionFiles(table: ReadonlyMap<string, string>, roots: VisionFileRoots): void {
  for (const file of table.values()) {
    if (!existsSync(file)) throw new Error(`vision engine file missing: ${file}${file.startsWith(roots.workersDir) ? ' (run `npm run build`)' : ''}`);
  }
}

/** The folders as the CLI and tests find them: this project's dist/workers and its installed tasks-vision. */
export function projectVisionRoots(): VisionFileRoots {
  const root = attuneRoot();
  return {
    workersDir: join(root, 'dist', 'workers'),
    tasksVisionDir: join(root, 'node_modules', '@mediapipe', 'tasks-vision'),
    tfjsWasmDir: join(root, 'node_modules', '@tensorflow', 'tfjs-backend-wasm'),
  };
}

/**
 * The app's live table: its protocol handler is registered once at start-up, while the model file is
 * verified per analysis; each run serves the models it verified, and nothing is served before that.
 */
export function servedVisionFiles(roots: VisionFileRoots): { resolve(pathname: string): Promise<string | null>; serveModels(models: VisionModels): void } {
  let table: ReadonlyMap<string, string> = new Map();
  return {
    resolve: async (pathname) => table.get(pathname) ?? null,
    serveModels: (models) => {
      table = visionFileTable(roots, models);
    },
  };
}
