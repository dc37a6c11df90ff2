/** The recording's sha256, with the reasons it cannot be read worded like the probe's. */
import { basename } from 'node:path';
import { sha256OfFile } from '../../models/manifest.ts';
import { MediaError } from './media-error.ts';

export async function fingerprintRecording(file: string, signal?: AbortSignal): Promise<string> {
  try {
    return await sha256OfFile(file, signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    const name = basename(file);
    // The probe found the file; it can still be moved or deleted before (or while) it is read.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new MediaError('not-found', `"${name}" was moved or deleted while it was being analysed. Nothing was saved.`);
    }
    throw new MediaError('unreadable', `"${name}" could not be read to the end (${(error as NodeJS.ErrnoException).code ?? 'read error'}). Nothing was saved.`);
  }
}
