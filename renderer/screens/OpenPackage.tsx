/**
 * The library's way in for a review package (docs/review-package.md): a supervisor's first look at a
 * session they do not have (added without its recording), or a package back for a session already here
 * (its notes merged). Either way the review of that session opens next.
 */
import { useState, type FormEvent } from 'react';
import { errorMessage, useApi } from '../app/api-context.ts';
import { importWords } from '../review/package-words.ts';
import type { Navigate } from '../state/navigation.ts';

export function OpenPackage({ navigate }: { navigate: Navigate }) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const report = await api.package.import({ passphrase });
      if (report) navigate({ screen: 'review', sessionId: report.sessionId, message: importWords(report) });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      setPassphrase('');
    }
  };

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Open a review package…
      </button>
    );
  }
  return (
    <form className="open-package" onSubmit={(e) => void submit(e)} aria-label="Open a review package">
      <label>
        The package’s passphrase{' '}
        <input type="password" autoComplete="off" autoFocus value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={busy || passphrase === ''}>
        Choose the package…
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
