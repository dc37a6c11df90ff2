/**
 * The session store's backups: at each start, once the store has opened and passed its check, a copy of
 * its file goes to `backups/sessions-<time>.db` and only the newest three are kept.
 *
 * A byte copy of the already encrypted file (after the write-ahead log is folded into it), not SQLite's
 * online backup API: with SQLite3MultipleCiphers that API refuses an encrypted source, and an API that
 * writes pages itself could write them unencrypted. The copy is then switched to a rollback journal, so a
 * backup is one self-contained file that can be read without creating -wal or -shm files beside it.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { unlock } from './database.ts';
import { syncFile, syncFolder, timeStamp } from './kept-aside.ts';

export const BACKUPS_FOLDER = 'backups';
export const BACKUPS_KEPT = 3;

const BACKUP_NAME = /^sessions-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(?:-\d+)?)\.db$/;
/** A copy still being made; renamed to its real name only once complete and on disk. */
const PARTIAL = '.partial';

export interface BackupFile {
  /** The time stamp in the file name; what the renderer sends back to restore it. */
  id: string;
  file: string;
  /** ISO 8601, when the backup was made. */
  createdAt: string;
  sizeBytes: number;
  /** Out of the rotation: never deleted automatically. */
  pinned: boolean;
}

/** Backups kept out of the rotation (those from before a damaged library was replaced by an empty one). */
const PINNED_FOLDER = 'kept';

/** The backups in `dir` and its pinned folder, newest first. Files of any other name are left alone. */
export function backupFiles(dir: string): BackupFile[] {
  return newestFirst([...backupsIn(dir, false), ...backupsIn(join(dir, PINNED_FOLDER), true)]);
}

function newestFirst(backups: BackupFile[]): BackupFile[] {
  return backups.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/**
 * Takes every rotating backup out of the rotation, so that the starts that follow (each making a backup)
 * cannot push out the backups made before the library was found damaged.
 */
export function pinBackups(dir: string): void {
  const rotating = backupsIn(dir, false);
  if (rotating.length === 0) return;
  const pinned = join(dir, PINNED_FOLDER);
  mkdirSync(pinned, { recursive: true, mode: 0o700 });
  for (const backup of rotating) renameSync(backup.file, join(pinned, basename(backup.file)));
  syncFolder(pinned);
  syncFolder(dir);
}

function backupsIn(dir: string, pinned: boolean): BackupFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => BACKUP_NAME.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => {
      const id = match[1]!;
      const file = join(dir, match[0]);
      return { id, file, createdAt: dateOfStamp(id), sizeBytes: statSync(file).size, pinned };
    });
}

/**
 * Copies the store file (its WAL must already be checkpointed into it) to a new backup, durably, and
 * deletes all but the newest BACKUPS_KEPT. Returns the new backup and how many sessions it holds.
 */
export function makeBackup(storeFile: string, dir: string, key: Buffer, now: Date): BackupFile & { sessionCount: number } {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  removePartials(dir);
  const taken = new Set(backupFiles(dir).map((backup) => backup.id));
  let id = timeStamp(now);
  for (let n = 2; taken.has(id); n++) id = `${timeStamp(now)}-${n}`;
  const target = join(dir, `sessions-${id}.db`);
  const partial = target + PARTIAL;
  copyFileSync(storeFile, partial);
  const sessionCount = selfContained(partial, key);
  syncFile(partial);
  renameSync(partial, target);
  syncFolder(dir);
  for (const old of newestFirst(backupsIn(dir, false)).slice(BACKUPS_KEPT)) rmSync(old.file);
  return { id, file: target, createdAt: dateOfStamp(id), sizeBytes: statSync(target).size, pinned: false, sessionCount };
}

/** How many sessions a backup holds, reading it without writing; null if it cannot be read with `key`. */
export function sessionCountOf(file: string, key: Buffer): number | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    unlock(db, key);
    return db.prepare('SELECT count(*) FROM sessions').pluck().get() as number;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/**
 * Removes one session (and, by cascade, all that derives from it) from a store copy, so a deleted session
 * does not live on in a backup. secure_delete zeroes the deleted rows and every page they free, which is
 * what matters here; a VACUUM as in the live store would also shrink the file but costs a full rewrite of
 * each copy. True if the copy held the session.
 */
export function removeSessionFrom(file: string, key: Buffer, sessionId: string): boolean {
  const db = new Database(file, { fileMustExist: true });
  try {
    unlock(db, key);
    db.pragma('secure_delete = ON');
    db.pragma('foreign_keys = ON');
    return db.prepare('DELETE FROM sessions WHERE id = ?').run(sessionId).changes > 0;
  } finally {
    db.close();
  }
}

/** Switches the copy to a rollback journal (rewriting only its encrypted first page); returns its session count. */
function selfContained(file: string, key: Buffer): number {
  const db = new Database(file, { fileMustExist: true });
  try {
    unlock(db, key);
    db.pragma('journal_mode = DELETE');
    return db.prepare('SELECT count(*) FROM sessions').pluck().get() as number;
  } finally {
    db.close();
  }
}

/** Copies left by a start that was cut off mid-backup (with any -wal or -shm SQLite made for them). */
function removePartials(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (name.startsWith('sessions-') && name.includes(`.db${PARTIAL}`)) rmSync(join(dir, name));
  }
}

/** 2026-12-04T20-46-25-123Z(-2) → 2026-12-04T20:46:25.123Z */
function dateOfStamp(id: string): string {
  const [day, time] = id.split('T') as [string, string];
  const [h, m, s, ms] = time.split('-');
  return `${day}T${h}:${m}:${s}.${ms!.slice(0, 3)}Z`;
}
