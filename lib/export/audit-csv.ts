/** The audit log as CSV (one row per entry, oldest first), for a service's records. */
import type { AuditEntryView } from '../ipc/store-channels.ts';
import { row, textField } from './csv.ts';

const HEADER = ['seq', 'at', 'actor', 'action', 'session_id', 'detail', 'hash'];

export function* auditCsv(entries: readonly AuditEntryView[]): Generator<string> {
  yield row(HEADER);
  for (const e of entries) {
    const detail = Object.entries(e.detail).map(([k, v]) => `${k}=${v}`).join(' ');
    yield row([String(e.seq), textField(e.at), textField(e.actor), textField(e.action), textField(e.sessionId ?? ''), textField(detail), e.hash]);
  }
}
