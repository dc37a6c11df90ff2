/**
 * The CLI's checkpoints: a hidden folder beside analysis.json (`<out>/.attune-resume/`), each checkpoint
 * one file written atomically. They hold what analysis.json will hold (face, body and voice measurements,
 * no pictures or sound), so they are kept as the output folder is; they go once analysis.json is saved.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomically } from '../../files/atomic-write.ts';
import type { CheckpointStore } from './checkpoints.ts';

export const CHECKPOINT_FOLDER = '.attune-resume';

export function folderCheckpoints(outDir: string): CheckpointStore {
  const dir = join(outDir, CHECKPOINT_FOLDER);
  return {
    async read(name) {
      try {
        return await readFile(join(dir, `${name}.json`), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async write(name, text) {
      // writeAtomically makes the folder when it is not there yet.
      await writeAtomically(join(dir, `${name}.json`), [text], 'The analysis’s saved progress');
    },
    async clear() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}
