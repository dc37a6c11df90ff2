/**
 * Writes an export the app makes (a session's exports, the notes file, the audit log) where the clinician
 * chose: the given path, else the main process's save dialog. Written atomically; a place that cannot be
 * written is one plain sentence for the renderer. Null when the dialog was cancelled.
 */
import { OutputError, writeAtomically } from '../files/atomic-write.ts';
import { AppError } from './app-error.ts';

export type PickSavePath = (suggestedName: string) => Promise<string | null>;

export async function saveExport(
  where: { filePath: string | undefined; pickSavePath: PickSavePath | undefined; suggestedName: string },
  pieces: () => Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array> | Promise<Iterable<string | Uint8Array>>,
  what: string,
): Promise<string | null> {
  const path = where.filePath ?? (where.pickSavePath ? await where.pickSavePath(where.suggestedName) : null);
  if (path === null) return null;
  try {
    await writeAtomically(path, await pieces(), what);
  } catch (error) {
    if (error instanceof OutputError) throw new AppError('failed', error.message);
    throw error;
  }
  return path;
}
