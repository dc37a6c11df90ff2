/** The file a request names, else the one the main process's dialog returns (null when cancelled). */
import { AppError } from './app-error.ts';

export async function chosenPath(filePath: string | undefined, pick: (() => Promise<string | null>) | undefined): Promise<string | null> {
  if (filePath !== undefined) return filePath;
  if (!pick) throw new AppError('invalid-request', 'No file picker is available here; pass a file path.');
  return pick();
}
