/**
 * Deleting a session, for every reason it happens: the therapist deletes it, the client withdraws
 * consent, or the consent's "keep until" date has passed (retention). The same deletion each time — job
 * cancelled, rows gone, backups cleaned, the id logged, a receipt kept — so no path keeps more than another.
 */
import { retentionEndsAt } from '../../lib/consent/retention.ts';
import type { DeletionReport } from '../../lib/ipc/contract.ts';
import type { DeletionReason } from '../../lib/ipc/store-channels.ts';
import type { ProfileStore } from '../store/profile-store.ts';
import { ACTOR } from './audit.ts';
import type { JobQueue } from './job-queue.ts';

export function deleteSessionNow(store: ProfileStore, queue: JobQueue, sessionId: string, reason: DeletionReason, now = new Date()): DeletionReport | null {
  const row = store.sessions.get(sessionId);
  if (!row) return null;
  const job = queue.activeFor(sessionId);
  const jobCancelled = job ? queue.cancel(job.jobId) : false;
  const deleted = store.deleteSession(sessionId, now, reason);
  if (!deleted) return null;
  store.audit.append(ACTOR, `delete:${reason}`, sessionId, {}, now);
  return {
    sessionId,
    fileName: row.fileName,
    removed: deleted.removed,
    jobCancelled,
    vacuumed: true,
    recordingKeptAt: row.filePath,
    copiesCleared: deleted.copiesCleared,
  };
}

/** Deletes every session whose consent period has ended; returns the reports (empty when none had). */
export function deleteExpiredSessions(store: ProfileStore, queue: JobQueue, now: Date): DeletionReport[] {
  if (store.status().state !== 'open') return [];
  const expired = store.sessions
    .list()
    .filter((s) => s.consent !== null && retentionEndsAt(s.consent) <= now.getTime())
    .map((s) => s.id);
  return expired.flatMap((id) => deleteSessionNow(store, queue, id, 'retention', now) ?? []);
}
