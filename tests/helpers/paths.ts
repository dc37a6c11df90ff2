/** Where the tests find the shared read-only media and models, and a scratch folder per test file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VisionModels } from '../../main/vision/vision-files.ts';
import { verifiedVisionModels } from '../../main/vision/vision-models.ts';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED = resolve(REPO, '..', 'shared');
export const MODELS_DIR = join(SHARED, 'models');
export const video = (name: string): string => join(SHARED, 'media', 'video', name);
export const speech = (name: string): string => join(SHARED, 'media', 'speech', name);
export const CLI = join(REPO, 'bin', 'attune.mjs');
/** Every landmark task's model files, verified as the pipeline does. */
export const visionModels = async (): Promise<VisionModels> => (await verifiedVisionModels(MODELS_DIR)).files;

/** A temporary folder that the caller removes with the returned function (call it in `after`). */
export function scratch(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `attune-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
