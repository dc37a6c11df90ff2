/**
 * Sessions received in a review package (docs/review-package.md): where each came from, and the clips it
 * brought — kept in the encrypted store like every other piece of client data, deleted with the session.
 */
import type { ReceivedClip, ReceivedPackage } from '../../lib/ipc/supervision-channels.ts';
import type { Db } from './database.ts';

export interface ClipToKeep extends ReceivedClip {
  data: Uint8Array;
}

export class ReceivedRecords {
  constructor(private readonly db: Db) {}

  record(sessionId: string, from: Omit<ReceivedPackage, 'clips' | 'receivedAt'>, clips: readonly ClipToKeep[], receivedAt = new Date()): void {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO received_packages (session_id, package_created_at, created_by, received_at) VALUES (?, ?, ?, ?)')
        .run(sessionId, from.packageCreatedAt, from.createdBy, receivedAt.toISOString());
      const insert = this.db.prepare('INSERT INTO clips (session_id, marker_id, start_sec, end_sec, deidentified, data) VALUES (?, ?, ?, ?, ?, ?)');
      for (const clip of clips) insert.run(sessionId, clip.markerId, clip.startSec, clip.endSec, clip.deidentified ? 1 : 0, Buffer.from(clip.data));
    })();
  }

  /** Where the session came from and its clips; null for a session imported from a recording here. */
  of(sessionId: string): ReceivedPackage | null {
    const row = this.db
      .prepare('SELECT package_created_at AS packageCreatedAt, created_by AS createdBy, received_at AS receivedAt FROM received_packages WHERE session_id = ?')
      .get(sessionId) as Omit<ReceivedPackage, 'clips'> | undefined;
    if (!row) return null;
    const clips = (
      this.db
        .prepare('SELECT marker_id AS markerId, start_sec AS startSec, end_sec AS endSec, deidentified FROM clips WHERE session_id = ? ORDER BY start_sec, marker_id')
        .all(sessionId) as (Omit<ReceivedClip, 'deidentified'> & { deidentified: number })[]
    ).map((clip) => ({ ...clip, deidentified: clip.deidentified === 1 }));
    return { ...row, clips };
  }

  clipData(sessionId: string, markerId: string): Buffer | null {
    return (this.db.prepare('SELECT data FROM clips WHERE session_id = ? AND marker_id = ?').pluck().get(sessionId, markerId) as Buffer | undefined) ?? null;
  }
}
