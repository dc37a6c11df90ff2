/** "Notice first" runs (lib/notice/compare.ts): kept with the session, deleted with it. */
import { randomUUID } from 'node:crypto';
import type { NoticeHistoryEntry, NoticeRun } from '../../lib/ipc/supervision-channels.ts';
import type { NoticeComparison, Press } from '../../lib/notice/compare.ts';
import type { Db } from './database.ts';

interface Row {
  id: string;
  sessionId: string;
  createdAt: string;
  presses: string;
  markerCount: number;
  comparison: string;
}

const COLUMNS = 'id, session_id AS sessionId, created_at AS createdAt, presses, marker_count AS markerCount, comparison';

const toRun = (row: Row): NoticeRun => ({
  ...row,
  presses: JSON.parse(row.presses) as Press[],
  comparison: JSON.parse(row.comparison) as NoticeComparison,
});

export class NoticeRecords {
  constructor(private readonly db: Db) {}

  save(sessionId: string, presses: Press[], markerCount: number, comparison: NoticeComparison, now = new Date()): NoticeRun {
    const run: NoticeRun = { id: randomUUID(), sessionId, createdAt: now.toISOString(), presses, markerCount, comparison };
    this.db
      .prepare('INSERT INTO notice_runs (id, session_id, created_at, presses, marker_count, comparison) VALUES (?, ?, ?, ?, ?, ?)')
      .run(run.id, sessionId, run.createdAt, JSON.stringify(presses), markerCount, JSON.stringify(comparison));
    return run;
  }

  latest(sessionId: string): NoticeRun | null {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM notice_runs WHERE session_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1`).get(sessionId) as Row | undefined;
    return row ? toRun(row) : null;
  }

  /** Each session's latest run, oldest first. */
  history(): NoticeHistoryEntry[] {
    const rows = this.db
      .prepare(
        `SELECT r.session_id AS sessionId, s.file_name AS fileName, r.created_at AS createdAt, r.presses, r.marker_count AS markerCount, r.comparison
         FROM notice_runs r JOIN sessions s ON s.id = r.session_id
         WHERE r.rowid = (SELECT rowid FROM notice_runs WHERE session_id = r.session_id ORDER BY created_at DESC, rowid DESC LIMIT 1)
         ORDER BY r.created_at`,
      )
      .all() as (Omit<Row, 'id'> & { fileName: string })[];
    return rows.map((row) => {
      const comparison = JSON.parse(row.comparison) as NoticeComparison;
      return {
        sessionId: row.sessionId,
        fileName: row.fileName,
        createdAt: row.createdAt,
        presses: (JSON.parse(row.presses) as Press[]).length,
        markers: row.markerCount,
        both: comparison.both.length,
        agreement: comparison.agreement,
      };
    });
  }
}
