/**
 * The audit log: every open, export, import, note, rating and role change and deletion, oldest first, and
 * whether its hash chain holds (an entry edited or removed behind Attune's back shows where). No client
 * content is in it. Exportable as CSV.
 */
import { useEffect, useState } from 'react';
import type { AuditLogView } from '../../lib/ipc/store-channels.ts';
import { errorMessage, useApi } from '../app/api-context.ts';
import { dateWords } from '../app/format.ts';

export function AuditScreen() {
  const api = useApi();
  const [log, setLog] = useState<AuditLogView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    api.store
      .auditLog()
      .then(setLog)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [api]);

  const exportCsv = async () => {
    try {
      const result = await api.store.exportAuditLog();
      if (result) setSaved(`Saved ${result.count} entries to ${result.path}.`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section aria-labelledby="audit-title">
      <div className="screen-head">
        <h1 id="audit-title" tabIndex={-1}>
          Audit log
        </h1>
        <button type="button" onClick={() => void exportCsv()} disabled={!log || log.entries.length === 0}>
          Export as CSV…
        </button>
      </div>
      <p className="muted">
        Who did what, to which session, and when. Sessions are named by their random id; the log holds no names, file names or note
        text. Each entry is chained to the one before, so a change made outside Attune is detected.
      </p>
      <p role="status">{saved}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {log && (
        <p className={log.brokenAt === null ? 'audit-ok' : 'error'} role={log.brokenAt === null ? undefined : 'alert'}>
          {log.brokenAt === null
            ? `The log is intact: ${log.entries.length} entries, each following from the one before.`
            : `The log was changed outside Attune: entry ${log.brokenAt} does not follow from the one before it.`}
        </p>
      )}
      {log && log.entries.length > 0 && (
        <table className="audit">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Session</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {log.entries.map((e) => (
              <tr key={e.seq}>
                <td>{e.seq}</td>
                <td>{dateWords(e.at)}</td>
                <td>{e.actor}</td>
                <td>{e.action}</td>
                <td className="mono">{e.sessionId?.slice(0, 8) ?? '—'}</td>
                <td>
                  {Object.entries(e.detail)
                    .map(([k, v]) => `${k} ${v}`)
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
