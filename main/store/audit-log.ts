/**
 * The audit log: who did what to which session, and when — opens, exports, imports, note and rating
 * changes, role changes, deletions — with no client content (session ids are random; a note is named by
 * its id, never its words). Append-only and tamper-evident: each entry carries the SHA-256 of the one
 * before it, so an edited or removed entry breaks the chain from there on (verify()).
 */
import { createHash } from 'node:crypto';
import type { AuditEntryView, AuditLogView } from '../../lib/ipc/store-channels.ts';
import type { Db } from './database.ts';

export const GENESIS = '0'.repeat(64);

function hashOf(previous: string, entry: Omit<AuditEntryView, 'hash'>): string {
  const body = JSON.stringify([entry.seq, entry.at, entry.actor, entry.action, entry.sessionId, entry.detail]);
  return createHash('sha256').update(`${previous}\n${body}`).digest('hex');
}

interface Row {
  seq: number;
  at: string;
  actor: string;
  action: string;
  sessionId: string | null;
  detail: string;
  hash: string;
}

const toEntry = (row: Row): AuditEntryView => ({ ...row, detail: JSON.parse(row.detail) as Record<string, string> });

export class AuditLog {
  constructor(private readonly db: Db) {}

  append(actor: string, action: string, sessionId: string | null, detail: Record<string, string>, at = new Date()): AuditEntryView {
    return this.db.transaction(() => {
      const last = this.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
      const entry = { seq: (last?.seq ?? 0) + 1, at: at.toISOString(), actor, action, sessionId, detail };
      const hash = hashOf(last?.hash ?? GENESIS, entry);
      this.db
        .prepare('INSERT INTO audit_log (seq, at, actor, action, session_id, detail, hash) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(entry.seq, entry.at, actor, action, sessionId, JSON.stringify(detail), hash);
      return { ...entry, hash };
    })();
  }

  /** Oldest first. */
  list(): AuditEntryView[] {
    const rows = this.db.prepare('SELECT seq, at, actor, action, session_id AS sessionId, detail, hash FROM audit_log ORDER BY seq').all() as Row[];
    return rows.map(toEntry);
  }

  /** Every entry, and where the chain breaks: read once for both. */
  view(): AuditLogView {
    const entries = this.list();
    return { entries, brokenAt: brokenAt(entries) };
  }

  verify(): { brokenAt: number | null } {
    return { brokenAt: brokenAt(this.list()) };
  }
}

/** The first entry that does not follow from the one before (edited, removed or inserted), or null when the chain holds. */
function brokenAt(entries: readonly AuditEntryView[]): number | null {
  let previous = GENESIS;
  let expectedSeq = 1;
  for (const entry of entries) {
    const { hash, ...rest } = entry;
    if (entry.seq !== expectedSeq || hashOf(previous, rest) !== hash) return entry.seq;
    previous = hash;
    expectedSeq++;
  }
  return null;
}
