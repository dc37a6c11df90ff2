/**
 * The ids of deleted sessions, kept beside the store so that restoring a backup made before a deletion
 * cannot bring that session back: whenever a store is opened, any session listed here is removed again.
 * Only the random session id and the time of deletion are written — nothing about the client, the
 * recording or the consent — so the list itself needs no encryption.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const DELETION_LOG = 'deleted-sessions.log';

const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Appends one line and waits for it to reach the disk before the deletion is reported as done. */
export function recordDeletion(dataDir: string, sessionId: string, at: Date): void {
  const fd = openSync(join(dataDir, DELETION_LOG), 'a', 0o600);
  try {
    writeSync(fd, `${at.toISOString()} ${sessionId}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Every id ever recorded; a line cut short by a crash is skipped, not fatal. */
export function deletedSessionIds(dataDir: string): string[] {
  const file = join(dataDir, DELETION_LOG);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[1] ?? '')
    .filter((id) => SESSION_ID.test(id));
}
