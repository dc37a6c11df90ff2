/**
 * The review's exports: the files `attune export` writes, made by main from the session as the review
 * shows it, with its notes and ratings, saved where the clinician chooses. Under consent for the
 * therapist's own review only, it says so before anything is written.
 */
import { useId, useState } from 'react';
import type { ConsentPurpose } from '../../lib/ipc/contract.ts';
import { EXPORT_FORMAT_WORDS, type ExportFormat } from '../../lib/export/format-names.ts';
import { errorMessage, useApi } from '../app/api-context.ts';

const FORMATS = Object.keys(EXPORT_FORMAT_WORDS) as ExportFormat[];

export function ExportMenu({ sessionId, purposes }: { sessionId: string; purposes: readonly ConsentPurpose[] }) {
  const api = useApi();
  const id = useId();
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ownReviewOnly = purposes.length > 0 && purposes.every((p) => p === 'self-review');

  const write = async () => {
    setBusy(true);
    setStatus(format === 'pdf' ? 'Printing the report…' : null);
    try {
      const result = await api.sessions.export({ sessionId, format });
      setStatus(result ? `Saved to ${result.path}.` : null);
      setError(null);
    } catch (e) {
      setStatus(null);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-menu" role="group" aria-labelledby={`${id}-label`}>
      <label id={`${id}-label`}>
        Export{' '}
        <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
          {FORMATS.map((f) => (
            <option key={f} value={f}>
              {EXPORT_FORMAT_WORDS[f]}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" onClick={() => void write()} disabled={busy}>
        Save…
      </button>
      {ownReviewOnly && <p className="muted">The client’s consent covers your own review only: keep exported files to yourself.</p>}
      <p role="status">{status}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
