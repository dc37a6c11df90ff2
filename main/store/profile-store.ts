/**
 * The profile's session store with its safety net: damage is detected when the store opens and the
 * damaged file is kept aside (never wiped), a backup is made at each start, a backup can be restored,
 * and deleted sessions stay deleted — in the backups too, and after a restore.
 *
 * While the store is damaged no store is open: reaching for sessions fails with the sentence that says so,
 * until the clinician restores a backup or chooses an empty library. Attune never chooses data loss for them.
 */
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupInfo, DeletionReason, RestoreReport, StoreStatus } from '../../lib/ipc/store-channels.ts';
import type { DeletionReceipts } from './deletion-receipts.ts';
import type { AuditLog } from './audit-log.ts';
import type { AnalysisRecords } from './analysis-records.ts';
import type { NoteRecords } from './note-records.ts';
import type { NoticeRecords } from './notice-records.ts';
import { BACKUPS_FOLDER, backupFiles, makeBackup, pinBackups, removeSessionFrom, sessionCountOf } from './backups.ts';
import { StoreKeyError } from './database.ts';
import { deletedSessionIds, recordDeletion } from './deletion-log.ts';
import { keepAside, keptAsideFiles, SIDE_FILES, syncFile, syncFolder } from './kept-aside.ts';
import type { SessionRecords } from './session-records.ts';
import type { SettingsRecords } from './settings-records.ts';
import type { ReceivedRecords } from './received-records.ts';
import type { CheckpointRecords } from './checkpoint-records.ts';
import { SessionStore, type RemovedRows } from './session-store.ts';
import { DAMAGE_WORDS, StoreDamagedError } from './store-damage.ts';

export const STORE_FILE = 'sessions.db';

/** Raised, with words for the clinician, when the store cannot be used or a backup cannot be restored. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

export class ProfileStore {
  private current: SessionStore | null = null;
  private damage: { message: string; keptAs: string | null } | null = null;
  private backupProblem: string | null = null;

  private constructor(
    readonly dataDir: string,
    private readonly key: Buffer,
  ) {}

  get storeFile(): string {
    return join(this.dataDir, STORE_FILE);
  }

  get backupsDir(): string {
    return join(this.dataDir, BACKUPS_FOLDER);
  }

  /**
   * Opens the store, or — if its file is damaged — keeps that file aside and opens nothing. A missing file
   * is a new library only in a new profile: with backups or a damaged file beside it, something went wrong
   * (a start that found damage and was closed before a choice, a file removed by hand), and Attune asks
   * again rather than start empty and let the next backups push out the good ones. A wrong key throws.
   */
  static open(dataDir: string, key: Buffer, now = new Date()): ProfileStore {
    const profile = new ProfileStore(dataDir, key);
    const [earlierDamage] = keptAsideFiles(dataDir, STORE_FILE, 'damaged');
    if (!existsSync(profile.storeFile) && (earlierDamage || backupFiles(profile.backupsDir).length > 0)) {
      profile.damage = { message: missingSentence(earlierDamage ?? null, profile.hasBackups()), keptAs: earlierDamage ?? null };
      return profile;
    }
    try {
      profile.current = profile.openStore().store;
    } catch (error) {
      const damage = profile.damageIn(error);
      if (!damage) throw error;
      const keptAs = keepAside(profile.storeFile, 'damaged', now);
      profile.damage = { message: damageSentence(damage, keptAs, profile.hasBackups()), keptAs };
    }
    return profile;
  }

  get sessions(): SessionRecords {
    return this.open().sessions;
  }

  get analyses(): AnalysisRecords {
    return this.open().analyses;
  }

  get notes(): NoteRecords {
    return this.open().notes;
  }

  get notice(): NoticeRecords {
    return this.open().notice;
  }

  get receipts(): DeletionReceipts {
    return this.open().receipts;
  }

  get audit(): AuditLog {
    return this.open().audit;
  }

  get settings(): SettingsRecords {
    return this.open().settings;
  }

  get received(): ReceivedRecords {
    return this.open().received;
  }

  get checkpoints(): CheckpointRecords {
    return this.open().checkpoints;
  }

  atomically<T>(work: () => T): T {
    return this.open().atomically(work);
  }

  status(): StoreStatus {
    return this.damage ? { state: 'damaged', ...this.damage } : { state: 'open', backupProblem: this.backupProblem };
  }

  /**
   * The start-of-day backup. A failure (a full disk, say) must not keep the clinician from working, so it
   * is reported in the status instead of thrown. Does nothing while the store is damaged.
   */
  backUp(now = new Date()): void {
    if (!this.current) return;
    try {
      this.current.checkpoint();
      makeBackup(this.storeFile, this.backupsDir, this.key, now);
      this.backupProblem = null;
    } catch (error) {
      this.backupProblem = `Attune could not make a backup of your session library this time (${(error as Error).message}). Your sessions are as they were; it will try again at the next start.`;
    }
  }

  backups(): BackupInfo[] {
    return backupFiles(this.backupsDir).map(({ id, createdAt, sizeBytes, pinned, file }) => ({
      id,
      createdAt,
      sizeBytes,
      pinned,
      sessionCount: sessionCountOf(file, this.key),
    }));
  }

  /**
   * Replaces the library with a backup. The backup is copied and checked first, so a bad one changes
   * nothing; the library open until now is kept aside, not deleted; deletions recorded since are re-applied.
   */
  restore(backupId: string, now = new Date()): RestoreReport {
    const backup = backupFiles(this.backupsDir).find((candidate) => candidate.id === backupId);
    if (!backup) throw new StoreUnavailableError('That backup is no longer there.');
    const incoming = `${this.storeFile}.restoring`;
    removeWithSideFiles(incoming);
    copyFileSync(backup.file, incoming);
    try {
      SessionStore.open(incoming, this.key).close();
    } catch {
      removeWithSideFiles(incoming);
      throw new StoreUnavailableError(
        'That backup could not be read either, so nothing was changed. Try an older backup, if there is one.',
      );
    }
    syncFile(incoming);
    if (this.current) {
      this.current.checkpoint();
      this.current.close();
      this.current = null;
    }
    const previousKeptAs = existsSync(this.storeFile) ? keepAside(this.storeFile, 'before-restore', now) : null;
    renameSync(incoming, this.storeFile);
    syncFolder(this.dataDir);
    const { store, deletionsReapplied } = this.openStore();
    this.current = store;
    this.damage = null;
    return { restoredFrom: backup.createdAt, sessionCount: store.sessions.list().length, previousKeptAs, deletionsReapplied };
  }

  /**
   * The clinician's explicit choice after damage: a new, empty library. The damaged file stays kept aside
   * and the backups made before are pinned, so later starts cannot rotate them out.
   */
  startEmpty(): void {
    if (!this.damage) throw new StoreUnavailableError('Your session library is open; there is nothing to replace.');
    pinBackups(this.backupsDir);
    this.current = this.openStore().store;
    this.damage = null;
  }

  /**
   * Deletes a session from the library and from every copy Attune keeps of it (backups, the library kept
   * aside before a restore), and records its id so a later restore cannot bring it back. A copy that cannot
   * be read with this key is of no use for restoring and cannot be cleaned, so it is removed whole.
   */
  deleteSession(sessionId: string, now = new Date(), reason: DeletionReason = 'user'): { removed: RemovedRows; copiesCleared: number } | null {
    const store = this.open();
    if (!store.sessions.get(sessionId)) return null;
    recordDeletion(this.dataDir, sessionId, now);
    const removed = store.deleteSession(sessionId);
    if (!removed) return null;
    store.receipts.record(sessionId, reason, removed, now);
    let copiesCleared = 0;
    for (const copy of this.restorableCopies()) {
      try {
        if (removeSessionFrom(copy, this.key, sessionId)) copiesCleared++;
      } catch {
        removeWithSideFiles(copy);
        copiesCleared++;
      }
    }
    return { removed, copiesCleared };
  }

  close(): void {
    this.current?.close();
    this.current = null;
  }

  private open(): SessionStore {
    if (this.current) return this.current;
    throw new StoreUnavailableError(this.damage?.message ?? 'The session library is closed.');
  }

  /** Opens (or creates) the store file and removes again any session deleted earlier. */
  private openStore(): { store: SessionStore; deletionsReapplied: number } {
    const store = SessionStore.open(this.storeFile, this.key);
    try {
      return { store, deletionsReapplied: store.removeSessions(deletedSessionIds(this.dataDir)) };
    } catch (error) {
      store.close();
      throw error;
    }
  }

  /**
   * Whether `error` from opening means the file is damaged. The cipher reports a wrong key and a garbled
   * first page alike; if a backup opens with this key, the key is right and so the file is what is wrong.
   */
  private damageIn(error: unknown): StoreDamagedError | null {
    if (error instanceof StoreDamagedError) return error;
    if (error instanceof StoreKeyError && existsSync(this.storeFile) && this.hasBackups()) {
      return new StoreDamagedError('unreadable', `${error.message} (a backup opens with the same key)`);
    }
    return null;
  }

  private hasBackups(): boolean {
    return this.backups().some((backup) => backup.sessionCount !== null);
  }

  /** Backups and libraries kept aside before a restore: the copies a session could come back from. */
  private restorableCopies(): string[] {
    return [...backupFiles(this.backupsDir).map((backup) => backup.file), ...keptAsideFiles(this.dataDir, STORE_FILE, 'before-restore')];
  }
}

function nextStep(hasBackups: boolean): string {
  return hasBackups
    ? 'you can restore one of its backups, or start with an empty library.'
    : 'there is no backup to restore, so you can start with an empty library.';
}

function damageSentence(damage: StoreDamagedError, keptAs: string, hasBackups: boolean): string {
  return `Attune could not open your session library because ${DAMAGE_WORDS[damage.kind]}. The damaged file has been kept, unchanged, as “${basename(keptAs)}” in Attune's data folder; ${nextStep(hasBackups)}`;
}

function missingSentence(keptAs: string | null, hasBackups: boolean): string {
  return keptAs
    ? `Attune has no working session library to open: the last one it found was damaged and is kept, unchanged, as “${basename(keptAs)}” in Attune's data folder; ${nextStep(hasBackups)}`
    : `Attune could not find your session library: its file is missing from Attune's data folder; ${nextStep(hasBackups)}`;
}

function removeWithSideFiles(file: string): void {
  for (const suffix of ['', ...SIDE_FILES]) rmSync(file + suffix, { force: true });
}
