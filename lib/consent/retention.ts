/** When a session's consent period ends, said once for the main process (which deletes) and the library (which warns). */
import type { ConsentRecord } from '../ipc/contract.ts';

/** How far ahead the library warns that sessions will be deleted. */
export const RETENTION_WARNING_DAYS = 7;

const DAY_MS = 24 * 3600 * 1000;

/**
 * When a session must be gone: `retainUntil` is the last day it may be kept, so a calendar date means
 * the end of that day (UTC); a date and time means that moment.
 */
export function retentionEndsAt(consent: Pick<ConsentRecord, 'retainUntil'>): number {
  const at = Date.parse(consent.retainUntil);
  return /^\d{4}-\d{2}-\d{2}$/.test(consent.retainUntil) ? at + DAY_MS : at;
}

/** Sessions whose consent period ends within the warning window, grouped by the day they will be deleted (oldest first). */
export function upcomingDeletions<T extends { consent: Pick<ConsentRecord, 'retainUntil'> | null }>(sessions: readonly T[], now: Date): { day: string; sessions: T[] }[] {
  const byDay = new Map<string, T[]>();
  for (const session of sessions) {
    if (!session.consent) continue;
    const ends = retentionEndsAt(session.consent);
    if (ends <= now.getTime() || ends - now.getTime() > RETENTION_WARNING_DAYS * DAY_MS) continue;
    const day = new Date(ends).toISOString().slice(0, 10);
    byDay.set(day, [...(byDay.get(day) ?? []), session]);
  }
  return [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, list]) => ({ day, sessions: list }));
}
