/**
 * An analysis's saved progress (main/pipeline/resume/checkpoints.ts) in the encrypted store, one row per
 * checkpoint: client data like the analysis it becomes, deleted with the session, and cleared once the
 * analysis is saved or has failed.
 */
import type { CheckpointStore } from '../pipeline/resume/checkpoints.ts';
import type { Db } from './database.ts';

export class CheckpointRecords {
  constructor(private readonly db: Db) {}

  of(sessionId: string): CheckpointStore {
    return {
      read: async (name) =>
        (this.db.prepare('SELECT data FROM analysis_checkpoints WHERE session_id = ? AND name = ?').pluck().get(sessionId, name) as string | undefined) ?? null,
      write: async (name, text) => {
        this.db
          .prepare('INSERT INTO analysis_checkpoints (session_id, name, data) VALUES (?, ?, ?) ON CONFLICT (session_id, name) DO UPDATE SET data = excluded.data')
          .run(sessionId, name, text);
      },
      clear: async () => {
        this.db.prepare('DELETE FROM analysis_checkpoints WHERE session_id = ?').run(sessionId);
      },
    };
  }
}
