/**
 * Import: choose a recording, then record the client's consent. No consent, no analysis — Start
 * stays disabled, with the missing items listed beside it, until the consent record is complete.
 */
import { useEffect, useState } from 'react';
import type { PendingImport } from '../../lib/ipc/contract.ts';
import { errorMessage, useApi } from '../app/api-context.ts';
import { durationWords } from '../app/format.ts';
import type { Navigate } from '../state/navigation.ts';
import { ConsentFormView } from './ConsentFormView.tsx';

interface Props {
  /** Set when coming back to a session that was imported but has no consent yet. */
  sessionId: string | undefined;
  modelsReady: boolean;
  navigate: Navigate;
}

type Chosen = Pick<PendingImport, 'sessionId' | 'fileName' | 'durationSec' | 'alreadyImported'>;

export function ImportScreen({ sessionId, modelsReady, navigate }: Props) {
  const api = useApi();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!sessionId) return;
    let live = true;
    api.sessions
      .get({ sessionId })
      .then((s) => live && setChosen({ sessionId: s.id, fileName: s.fileName, durationSec: s.durationSec, alreadyImported: false }))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [api, sessionId]);

  const choose = async () => {
    setBusy(true);
    setError(null);
    try {
      const pending = await api.sessions.import();
      if (pending) setChosen(pending);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="import-title" className="narrow">
      <h1 id="import-title" tabIndex={-1}>
        Import a recording
      </h1>
      <ol className="steps" aria-label="Steps">
        <li aria-current={chosen ? undefined : 'step'}>Choose the recording</li>
        <li aria-current={chosen ? 'step' : undefined}>Record the client’s consent</li>
        <li>Analyse</li>
      </ol>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!chosen && (
        <div className="card">
          <p>
            Choose a session recording on this computer. Attune analyses it here, on this machine; nothing is uploaded, and the
            file stays where it is.
          </p>
          <button type="button" className="primary" onClick={() => void choose()} disabled={busy}>
            {busy ? 'Reading the recording…' : 'Choose a recording…'}
          </button>
        </div>
      )}
      {chosen && (
        <>
          <div className="card chosen-file">
            <h2 className="file-name">{chosen.fileName}</h2>
            <p>{durationWords(chosen.durationSec)}</p>
            {chosen.alreadyImported && (
              <p className="note" role="status">
                This recording was imported before; continuing with that session.
              </p>
            )}
          </div>
          <ConsentFormView sessionId={chosen.sessionId} modelsReady={modelsReady} onStarted={() => navigate({ screen: 'progress' })} />
        </>
      )}
    </section>
  );
}
