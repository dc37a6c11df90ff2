/** Receipts of deletions (migration 5): kept in the store after the session is gone, with no client data. */
import type { DeletionReport } from '../../lib/ipc/contract.ts';
import type { DeletionReason, DeletionReceipt } from '../../lib/ipc/store-channels.ts';
import type { Db } from './database.ts';

export class DeletionReceipts {
  constructor(private readonly db: Db) {}

  record(sessionId: string, reason: DeletionReason, removed: DeletionReport['removed'], at: Date): DeletionReceipt {
    const receipt: DeletionReceipt = { sessionId, deletedAt: at.toISOString(), reason, removed };
    this.db
      .prepare('INSERT INTO deletion_receipts (session_id, deleted_at, reason, removed) VALUES (?, ?, ?, ?)')
      .run(sessionId, receipt.deletedAt, reason, JSON.stringify(removed));
    return receipt;
  }

  list(): DeletionReceipt[] {
    const rows = this.db
      .prepare('SELECT session_id AS sessionId, deleted_at AS deletedAt, reason, removed FROM deletion_receipts ORDER BY id DESC')
      .all() as (Omit<DeletionReceipt, 'removed'> & { removed: string })[];
    return rows.map((row) => ({ ...row, removed: JSON.parse(row.removed) as DeletionReport['removed'] }));
  }
}
