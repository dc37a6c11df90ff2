/**
 * Moving a store file out of the way without losing it: the database and its -wal and -shm are renamed
 * together (the -wal may hold the newest committed writes), to names that say why and when, in the same
 * folder. Renaming never copies or rewrites a byte, so what is kept is exactly what was there.
 */
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type KeptAsideReason = 'damaged' | 'before-restore';

/** The companions SQLite keeps next to a database file; they must travel with it. */
export const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

/** A file name-safe, sortable UTC time: 2026-12-04T20-46-25-123Z. */
export function timeStamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/** Renames `file` (and its side files) to `<file>.<reason>-<time>`; returns the new path. */
export function keepAside(file: string, reason: KeptAsideReason, now: Date): string {
  let target = `${file}.${reason}-${timeStamp(now)}`;
  for (let n = 2; existsSync(target); n++) target = `${file}.${reason}-${timeStamp(now)}-${n}`;
  for (const suffix of SIDE_FILES) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  renameSync(file, target);
  syncFolder(dirname(file));
  return target;
}

/** Files kept aside in `dir` for `reason` (without their side files), newest first. */
export function keptAsideFiles(dir: string, name: string, reason: KeptAsideReason): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.startsWith(`${name}.${reason}-`) && !SIDE_FILES.some((suffix) => file.endsWith(suffix)))
    .sort()
    .reverse()
    .map((file) => join(dir, file));
}

/** Makes renames in `dir` durable: without it a power cut can undo a rename that already returned. */
export function syncFolder(dir: string): void {
  if (process.platform === 'win32') return; // Windows cannot open a folder for fsync; NTFS journals renames.
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function syncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
