/**
 * Shown instead of everything else when the session library could not be opened: what happened, in
 * main's words, and the two ways on — restore a backup, or start with an empty library. Attune makes
 * neither choice by itself.
 */
import { useState } from 'react';
import type { RestoreReport, StoreStatus } from '../../lib/ipc/store-channels.ts';
import { errorMessage, useApi } from '../app/api-context.ts';
import { BackupList } from './BackupList.tsx';
import { RestoreReceipt } from './RestoreReceipt.tsx';

interface Props {
  message: string;
  /** Called once a working library is open again. */
  onOpen: (status: StoreStatus) => void;
}

export function StoreDamagedScreen({ message, onOpen }: Props) {
  const api = useApi();
  const [restored, setRestored] = useState<RestoreReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const startEmpty = async () => {
    try {
      onOpen(await api.store.startEmpty());
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <section aria-labelledby="damaged-title" className="narrow">
      <h1 id="damaged-title" tabIndex={-1}>
        Your session library could not be opened
      </h1>
      {restored ? (
        <RestoreReceipt report={restored} onDone={() => onOpen({ state: 'open', backupProblem: null })} />
      ) : (
        <>
          <p className="error" role="alert">
            {message}
          </p>
          <h2>Restore a backup</h2>
          <BackupList replacesOpenLibrary={false} onRestored={setRestored} />
          <h2>Or start again</h2>
          <p>
            An empty library lets you keep working now. The damaged file and the backups above are kept, so you can still restore
            one later from Backups.
          </p>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <button type="button" onClick={() => void startEmpty()}>
            Start with an empty library
          </button>
        </>
      )}
    </section>
  );
}
