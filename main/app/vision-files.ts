/** The vision host page's files as the app's protocol serves them on attune://vision/ (and nothing else). */
import { join } from 'node:path';
import { VISION_PAGE_PATHS } from '../../lib/vision/vision-page-paths.ts';
import type { AppPaths } from './app-paths.ts';

/** The model's entry is filled in per run with the file the pipeline verified. */
export function visionFileTable(paths: AppPaths): Map<string, string> {
  return new Map([
    [VISION_PAGE_PATHS.page, join(paths.workersDir, 'vision-page.html')],
    [VISION_PAGE_PATHS.pageScript, join(paths.workersDir, 'vision-page.js')],
    [VISION_PAGE_PATHS.worker, join(paths.workersDir, 'vision-worker.js')],
    [VISION_PAGE_PATHS.wasmLoader, join(paths.tasksVisionDir, 'vision_wasm_module_internal.js')],
    [VISION_PAGE_PATHS.wasmBinary, join(paths.tasksVisionDir, 'vision_wasm_module_internal.wasm')],
  ]);
}

export function serveModelIn(table: Map<string, string>): (modelFile: string) => void {
  return (modelFile) => {
    table.set(VISION_PAGE_PATHS.model, modelFile);
  };
}
