/**
 * A session store file that is damaged, as opposed to one locked with another key: what is wrong with it
 * (in words a clinician can read), and the checks that can tell so from the file's bytes alone.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';

export type DamageKind = 'empty' | 'cut-short' | 'not-attune' | 'unreadable' | 'inconsistent';

export class StoreDamagedError extends Error {
  override name = 'StoreDamagedError';
  constructor(
    readonly kind: DamageKind,
    /** The technical cause, for a bug report; never shown as the clinician's message. */
    readonly detail: string,
  ) {
    super(`The session store is damaged (${kind}): ${detail}`);
  }
}

/** Completes "Attune could not open your session library because …". */
export const DAMAGE_WORDS: Record<DamageKind, string> = {
  empty: 'its file is empty',
  'cut-short': 'its file has been cut short',
  'not-attune': 'its file has been replaced by something that is not an Attune library',
  unreadable: 'part of its file can no longer be read',
  inconsistent: 'its contents no longer fit together',
};

/** Every SQLite page size is a multiple of this, so a file whose length is not was cut mid-page. */
const SMALLEST_PAGE = 512;
const PLAINTEXT_SQLITE = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Damage visible without the key. An encrypted store starts with a random 16-byte salt, so a plaintext
 * SQLite header or sixteen zero bytes there mean the file was replaced or overwritten. A 0-byte file
 * must be caught here: SQLite would quietly treat it as a new, empty library.
 */
export function damageVisibleInFile(file: string): StoreDamagedError | null {
  const size = statSync(file, { throwIfNoEntry: false })?.size;
  if (size === undefined) return null;
  if (size === 0) return new StoreDamagedError('empty', 'the database file has 0 bytes');
  if (size % SMALLEST_PAGE !== 0) return new StoreDamagedError('cut-short', `${size} bytes is not a whole number of pages`);
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.equals(PLAINTEXT_SQLITE)) return new StoreDamagedError('not-attune', 'the file is an unencrypted SQLite database');
  if (head.every((byte) => byte === 0)) return new StoreDamagedError('unreadable', 'the salt at the start of the file is all zeros');
  return null;
}

/** SQLite's codes for a file that was read but does not hold a valid database (any SQLITE_CORRUPT_* too). */
export function isDamageCode(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}
