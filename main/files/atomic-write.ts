/**
 * Writes a file so that a reader never sees half of it: the bytes go to a temporary name in the same
 * folder in pieces (memory stays flat however large the file), are flushed to disk, and only then
 * renamed over the final name. A failure leaves no temporary file behind and says why in words.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export class OutputError extends Error {
  override name = 'OutputError';
}

/** Small pieces (a CSV row) are gathered to about this many characters before each write. */
const BATCH_CHARS = 1 << 20;

function explain(error: unknown, dir: string, what: string): OutputError {
  const code = (error as { code?: string }).code;
  const why =
    code === 'ENOSPC' ? 'the disk is full'
    : code === 'EACCES' || code === 'EPERM' ? 'Attune is not allowed to write there'
    : code === 'EROFS' ? 'that disk is read-only'
    : code === 'ENOTDIR' || code === 'EEXIST' ? 'part of that path is a file, not a folder'
    : code === 'ENOENT' ? 'the folder could not be created'
    : `of a system error (${code ?? String(error)})`;
  return new OutputError(`${what} could not be saved in ${dir} because ${why}. Nothing was saved; choose another folder.`);
}

/** An error from the operating system (it names the call that failed), as opposed to one from Attune's own work. */
const isSystemError = (error: unknown): boolean => typeof (error as { syscall?: unknown } | null)?.syscall === 'string';

/** Removes a leftover temporary file; a path that cannot hold one (a missing or non-folder parent) holds none. */
async function removeLeftover(path: string): Promise<void> {
  await rm(path, { force: true }).catch(() => undefined);
}

/** Fails early, before minutes of work, when the folder cannot take a file. */
export async function checkOutputDir(dir: string, what = 'The results'): Promise<void> {
  const probe = join(dir, `.attune-write-check-${randomBytes(6).toString('hex')}`);
  try {
    await mkdir(dir, { recursive: true });
    await (await open(probe, 'wx')).close();
  } catch (error) {
    throw explain(error, dir, what);
  } finally {
    await removeLeftover(probe);
  }
}

/** Temporary files of `target` left by a process killed mid-write (nothing else removes them). */
export async function removeInterruptedWrites(target: string): Promise<void> {
  const dir = dirname(target);
  const prefix = `.${basename(target)}.`;
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => name.startsWith(prefix) && name.endsWith('.tmp')).map((name) => removeLeftover(join(dir, name))));
}

/**
 * `what` names the file for the error sentence: "The results", "The export". `beforeRename` runs once
 * the bytes are on disk under the temporary name (the resume tests crash there).
 */
export async function writeAtomically(
  target: string,
  pieces: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
  what: string,
  beforeRename?: () => void,
): Promise<void> {
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(temp, 'wx');
    try {
      let pending = '';
      for await (const piece of pieces) {
        if (typeof piece === 'string') {
          pending += piece;
          if (pending.length < BATCH_CHARS) continue;
        }
        if (pending) await handle.writeFile(pending);
        pending = '';
        if (typeof piece !== 'string') await handle.writeFile(piece);
      }
      if (pending) await handle.writeFile(pending);
      await handle.sync();
    } finally {
      await handle.close();
    }
    beforeRename?.();
    await rename(temp, target);
  } catch (error) {
    // What made the bytes failing (a damaged recording while cutting a clip) keeps its own sentence;
    // only the file system's own errors are about where the file goes.
    throw isSystemError(error) ? explain(error, dir, what) : error;
  } finally {
    await removeLeftover(temp);
  }
}
