/** The profile's session store: the encrypted database and the records kept in it. */
import type { DeletionReport } from '../../lib/ipc/contract.ts';
import { AnalysisRecords } from './analysis-records.ts';
import { openEncryptedDatabase, type Db } from './database.ts';
import { NoteRecords } from './note-records.ts';
import { NoticeRecords } from './notice-records.ts';
import { DeletionReceipts } from './deletion-receipts.ts';
import { AuditLog } from './audit-log.ts';
import { SessionRecords } from './session-records.ts';
import { SettingsRecords } from './settings-records.ts';
import { ReceivedRecords } from './received-records.ts';
import { CheckpointRecords } from './checkpoint-records.ts';

export type RemovedRows = DeletionReport['removed'];

export class SessionStore {
  readonly sessions: SessionRecords;
  readonly analyses: AnalysisRecords;
  readonly notes: NoteRecords;
  readonly notice: NoticeRecords;
  readonly receipts: DeletionReceipts;
  readonly audit: AuditLog;
  readonly settings: SettingsRecords;
  readonly received: ReceivedRecords;
  readonly checkpoints: CheckpointRecords;

  private constructor(private readonly db: Db) {
    this.sessions = new SessionRecords(db);
    this.analyses = new AnalysisRecords(db);
    this.notes = new NoteRecords(db);
    this.notice = new NoticeRecords(db);
    this.receipts = new DeletionReceipts(db);
    this.audit = new AuditLog(db);
    this.settings = new SettingsRecords(db);
    this.received = new ReceivedRecords(db);
    this.checkpoints = new CheckpointRecords(db);
  }

  /** Runs `work` in one transaction: all of it lands, or (on any error, or a crash part-way) none of it. */
  atomically<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  static open(file: string, key: Buffer): SessionStore {
    return new SessionStore(openEncryptedDatabase(file, key));
  }

  /**
   * Removes every listed session that is in the store (ids of sessions deleted earlier, which a restored
   * backup may still hold), compacting once. Returns how many were removed.
   */
  removeSessions(ids: readonly string[]): number {
    const remove = this.db.prepare('DELETE FROM sessions WHERE id = ?');
    const removed = this.db.transaction(() => ids.reduce((n, id) => n + remove.run(id).changes, 0))();
    if (removed > 0) this.compact();
    return removed;
  }

  /** Folds the write-ahead log into the database file, so a copy of that one file is the whole store. */
  checkpoint(): void {
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result?.busy) throw new Error('The session store is busy; its write-ahead log could not be folded in.');
  }

  /**
   * Removes the session and everything derived from it in one transaction, then vacuums and truncates the
   * write-ahead log so no page of it survives in the store's files (secure_delete zeroes freed pages).
   * Returns how many rows each table lost; null if there was no such session.
   */
  deleteSession(id: string): RemovedRows | null {
    const removed = this.db.transaction((): RemovedRows | null => {
      const count = (sql: string): number => this.db.prepare(sql).pluck().get(id) as number;
      const rows: RemovedRows = {
        sessions: count('SELECT count(*) FROM sessions WHERE id = ?'),
        consentRecords: count('SELECT count(*) FROM consent_records WHERE session_id = ?'),
        people: count('SELECT count(*) FROM people WHERE session_id = ?'),
        analyses: count('SELECT count(*) FROM analyses WHERE session_id = ?'),
        markers: count('SELECT count(*) FROM markers WHERE session_id = ?'),
        notes: count('SELECT count(*) FROM notes WHERE session_id = ?'),
        noticeRuns: count('SELECT count(*) FROM notice_runs WHERE session_id = ?'),
      };
      if (rows.sessions === 0) return null;
      this.db.prepare('DELETE FROM sessions WHERE id = ?').run(id);
      return rows;
    })();
    if (removed) this.compact();
    return removed;
  }

  close(): void {
    this.db.close();
  }

  private compact(): void {
    this.db.exec('VACUUM');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
