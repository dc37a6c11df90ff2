/**
 * Writes analysis.json so that a reader never sees half a file: the bytes go to a temporary name in the
 * same folder in pieces (memory stays flat however long the session), are flushed to disk, and only
 * then renamed over the final name.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { jsonChunks } from '../../lib/analysis/json-chunks.ts';
import type { Analysis } from '../../lib/analysis/types.ts';

export class OutputError extends Error {
  override name = 'OutputError';
}

const CHUNK_CHARS = 1 << 20;

/** Four decimals is finer than any cue Attune measures, and keeps files small and byte-stable. */
function rounded(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1e4) / 1e4 : value;
}

/** analysis.json's bytes, in pieces of about a megabyte (the whole file is never one string). */
export function* analysisFileChunks(analysis: Analysis): Generator<string> {
  let pending = '';
  for (const piece of jsonChunks(analysis, rounded)) {
    pending += piece;
    if (pending.length >= CHUNK_CHARS) {
      yield pending;
      pending = '';
    }
  }
  yield `${pending}\n`;
}

function explain(error: unknown, dir: string): OutputError {
  const code = (error as { code?: string }).code;
  const why =
    code === 'ENOSPC' ? 'the disk is full'
    : code === 'EACCES' || code === 'EPERM' ? 'Attune is not allowed to write there'
    : code === 'EROFS' ? 'that disk is read-only'
    : code === 'ENOTDIR' || code === 'EEXIST' ? 'part of that path is a file, not a folder'
    : code === 'ENOENT' ? 'the folder could not be created'
    : `of a system error (${code ?? String(error)})`;
  return new OutputError(`The results could not be saved in ${dir} because ${why}. Nothing was saved; choose another folder.`);
}

/** Removes a leftover temporary file; a path that cannot hold one (a missing or non-folder parent) holds none. */
async function removeLeftover(path: string): Promise<void> {
  await rm(path, { force: true }).catch(() => undefined);
}

/** Fails early, before minutes of analysis, when the output folder cannot take a file. */
export async function checkOutputDir(dir: string): Promise<void> {
  const probe = join(dir, `.attune-write-check-${randomBytes(6).toString('hex')}`);
  try {
    await mkdir(dir, { recursive: true });
    await (await open(probe, 'wx')).close();
  } catch (error) {
    throw explain(error, dir);
  } finally {
    await removeLeftover(probe);
  }
}

export async function writeAnalysisAtomically(analysis: Analysis, dir: string): Promise<string> {
  const target = join(dir, 'analysis.json');
  const temp = join(dir, `.analysis.json.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(temp, 'wx');
    try {
      for (const chunk of analysisFileChunks(analysis)) await handle.writeFile(chunk);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    return target;
  } catch (error) {
    throw explain(error, dir);
  } finally {
    await removeLeftover(temp);
  }
}
