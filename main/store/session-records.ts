/** Sessions and their consent records: what was imported, from where, and what the client agreed to. */
import { randomUUID } from 'node:crypto';
import type { ConsentPurpose, ConsentRecord, SessionStatus, SessionSummary } from '../../lib/ipc/contract.ts';
import { SHOWN_MARKER } from './analysis-records.ts';
import type { Db } from './database.ts';

export interface NewSession {
  filePath: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  mtimeMs: number;
  durationSec: number;
}

export interface SessionRow extends NewSession {
  id: string;
  status: SessionStatus;
  lastError: string | null;
  createdAt: string;
}

export type NewConsent = Omit<ConsentRecord, 'recordedAt'>;

const SESSION_COLUMNS = `id, file_path AS filePath, file_name AS fileName, sha256, size_bytes AS sizeBytes,
  mtime_ms AS mtimeMs, duration_sec AS durationSec, status, last_error AS lastError, created_at AS createdAt`;

interface ConsentRow {
  consentedBy: string;
  consentedAt: string;
  purposes: string;
  retainUntil: string;
  recordedAt: string;
}

export class SessionRecords {
  constructor(private readonly db: Db) {}

  create(session: NewSession): SessionRow {
    const row: SessionRow = {
      ...session,
      id: randomUUID(),
      status: 'awaiting-consent',
      lastError: null,
      createdAt: new Date().toISOString(),
    };
    this.db
      .prepare(
        `INSERT INTO sessions (id, file_path, file_name, sha256, size_bytes, mtime_ms, duration_sec, status, last_error, created_at)
         VALUES (@id, @filePath, @fileName, @sha256, @sizeBytes, @mtimeMs, @durationSec, @status, @lastError, @createdAt)`,
      )
      .run(row);
    return row;
  }

  get(id: string): SessionRow | null {
    return (this.db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = ?`).get(id) as SessionRow | undefined) ?? null;
  }

  findBySha256(sha256: string): SessionRow | null {
    return (
      (this.db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE sha256 = ?`).get(sha256) as SessionRow | undefined) ??
      null
    );
  }

  list(): SessionSummary[] {
    const ids = this.db.prepare('SELECT id FROM sessions ORDER BY created_at DESC, id').pluck().all() as string[];
    return ids.map((id) => this.summary(id)).filter((summary): summary is SessionSummary => summary !== null);
  }

  summary(id: string): SessionSummary | null {
    const row = this.get(id);
    if (!row) return null;
    const counts = this.db
      .prepare(
        // The markers the review shows.
        `SELECT (SELECT count(*) FROM markers m WHERE m.session_id = @id AND ${SHOWN_MARKER}) AS markerCount,
                (SELECT created_at FROM analyses WHERE session_id = @id) AS analysedAt,
                EXISTS (SELECT 1 FROM received_packages WHERE session_id = @id) AS fromPackage`,
      )
      .get({ id }) as { markerCount: number; analysedAt: string | null; fromPackage: number };
    return {
      id: row.id,
      fileName: row.fileName,
      sizeBytes: row.sizeBytes,
      durationSec: row.durationSec,
      status: row.status,
      createdAt: row.createdAt,
      consent: this.latestConsent(id),
      markerCount: counts.markerCount,
      analysedAt: counts.analysedAt,
      lastError: row.lastError,
      fromPackage: counts.fromPackage === 1,
    };
  }

  recordConsent(id: string, consent: NewConsent): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO consent_records (session_id, consented_by, consented_at, purposes, retain_until, recorded_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(id, consent.consentedBy, consent.consentedAt, JSON.stringify(consent.purposes), consent.retainUntil, new Date().toISOString());
      this.db.prepare(`UPDATE sessions SET status = 'ready' WHERE id = ? AND status = 'awaiting-consent'`).run(id);
    })();
  }

  /** The most recent consent: a re-recorded consent supersedes the earlier one, which is kept as history. */
  latestConsent(id: string): ConsentRecord | null {
    const row = this.db
      .prepare(
        `SELECT consented_by AS consentedBy, consented_at AS consentedAt, purposes, retain_until AS retainUntil,
                recorded_at AS recordedAt
         FROM consent_records WHERE session_id = ? ORDER BY id DESC LIMIT 1`,
      )
      .get(id) as ConsentRow | undefined;
    if (!row) return null;
    return { ...row, purposes: JSON.parse(row.purposes) as ConsentPurpose[] };
  }

  setStatus(id: string, status: 'queued' | 'analysing'): void {
    this.db.prepare('UPDATE sessions SET status = ? WHERE id = ?').run(status, id);
  }

  /**
   * Ends a run that did not produce an analysis (failed, cancelled, interrupted). The session falls back to
   * what it had: its earlier analysis if any, else re-runnable; a failure message is kept for the clinician.
   */
  settleUnfinishedRun(id: string, error: string | null): void {
    this.db
      .prepare(
        `UPDATE sessions SET
           last_error = @error,
           status = CASE
             WHEN EXISTS (SELECT 1 FROM analyses WHERE session_id = @id) THEN 'analysed'
             WHEN @error IS NOT NULL THEN 'failed'
             WHEN EXISTS (SELECT 1 FROM consent_records WHERE session_id = @id) THEN 'ready'
             ELSE 'awaiting-consent'
           END
         WHERE id = @id`,
      )
      .run({ id, error });
  }

  /** After a crash or quit, nothing is running: sessions left queued or analysing become re-runnable. Returns their ids. */
  settleInterruptedRuns(message: string): string[] {
    const ids = this.db
      .prepare(`SELECT id FROM sessions WHERE status IN ('queued', 'analysing') ORDER BY created_at, id`)
      .pluck()
      .all() as string[];
    this.db.transaction(() => ids.forEach((id) => this.settleUnfinishedRun(id, message)))();
    return ids;
  }

  /** Queued again (an interrupted run started afresh), with a word for the clinician on why. */
  requeue(id: string, note: string): void {
    this.db.prepare(`UPDATE sessions SET status = 'queued', last_error = ? WHERE id = ?`).run(note, id);
  }

  updateSource(id: string, source: Pick<NewSession, 'filePath' | 'fileName' | 'sizeBytes' | 'mtimeMs'>): void {
    this.db
      .prepare('UPDATE sessions SET file_path = ?, file_name = ?, size_bytes = ?, mtime_ms = ? WHERE id = ?')
      .run(source.filePath, source.fileName, source.sizeBytes, source.mtimeMs, id);
  }
}
