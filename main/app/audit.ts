/**
 * What goes into the audit log for each channel (main/store/audit-log.ts): the action, the session and a
 * few content-free facts — never a file path, a consenting person's name or a note's words.
 */
import { userInfo } from 'node:os';
import type { ChannelName, RequestOf, ResponseOf } from '../../lib/ipc/contract.ts';

/** The operating-system account Attune runs under: who did it. */
export const ACTOR = (() => {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
})();

/** One call as the log records it. */
export interface Audited {
  sessionId: string | null;
  detail: Record<string, string>;
}

type Describe<C extends ChannelName> = (request: RequestOf<C>, response: ResponseOf<C>) => Audited | null;

/** A note named by its id, with its rating when it has one: never its words. */
const noteDetail = (noteId: string, rating: number | null): Record<string, string> => ({ noteId, ...(rating === null ? {} : { rating: String(rating) }) });

export interface AuditedCall {
  action: string;
  audited: Audited;
}

/** How one call of `channel` is described, or null when the channel is not audited or this call did nothing worth logging. */
export function auditedCall(channel: ChannelName, request: unknown, response: unknown): AuditedCall | null {
  const entry = AUDITED[channel] as [string, (request: unknown, response: unknown) => Audited | null] | undefined;
  const audited = entry?.[1](request, response);
  return entry && audited ? { action: entry[0], audited } : null;
}

const session = (request: { sessionId: string }): Audited => ({ sessionId: request.sessionId, detail: {} });

/** Audited channels: action name and how to describe one call. Deletions are logged where they happen (session-deletion.ts). */
const AUDITED: { [C in ChannelName]?: [action: string, describe: Describe<C>] } = {
  'sessions:import': ['import', (_request, response) => (response ? { sessionId: response.sessionId, detail: {} } : null)],
  'sessions:recordConsent': ['consent', (r) => ({ sessionId: r.sessionId, detail: { purposes: r.purposes.join(' '), retainUntil: r.retainUntil } })],
  'sessions:get': ['open', session],
  'sessions:startAnalysis': ['analyse', session],
  'people:assignRole': ['role', (r) => ({ sessionId: r.sessionId, detail: { personId: r.personId, role: r.role } })],
  'notes:add': ['note-add', (r, note) => ({ sessionId: r.sessionId, detail: noteDetail(note.id, note.rating) })],
  'notes:update': ['note-edit', (r, note) => ({ sessionId: note.sessionId, detail: noteDetail(r.noteId, note.rating) })],
  'notes:delete': ['note-delete', (r, result) => (result.deleted ? { sessionId: null, detail: { noteId: r.noteId } } : null)],
  'sessions:export': ['export', (r, result) => (result ? { sessionId: r.sessionId, detail: { format: r.format } } : null)],
  'notes:export': ['export-notes', (r, result) => (result ? { sessionId: r.sessionId, detail: { notes: String(result.count) } } : null)],
  'notice:save': ['notice-first', session],
  'package:create': ['package', (r, result) => (result ? { sessionId: r.sessionId, detail: { clips: String(result.clips), deidentified: String(result.deidentified) } } : null)],
  'package:import': ['import-package', (_r, report) =>
    report ? { sessionId: report.sessionId, detail: { added: String(report.added), updated: String(report.updated), keptHere: String(report.keptHere) } } : null],
  'store:restore': ['restore-backup', (r) => ({ sessionId: null, detail: { backupId: r.backupId } })],
};
