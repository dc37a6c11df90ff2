/**
 * The encrypted backups Attune made at its last starts, newest first, each restorable after one
 * confirmation that says what restoring does. Used on the Backups screen and when the library is damaged.
 */
import { useEffect, useReducer } from 'react';
import type { BackupInfo, RestoreReport } from '../../lib/ipc/store-channels.ts';
import { errorMessage, useApi } from '../app/api-context.ts';
import { dateWords } from '../app/format.ts';
import { backupsReducer, initialBackups, restorable } from '../state/backups.ts';

interface Props {
  /** True when a working library is open and will be replaced (it is kept aside, and the words say so). */
  replacesOpenLibrary: boolean;
  onRestored: (report: RestoreReport) => void;
}

const sessionsWords = (n: number): string => `${n} ${n === 1 ? 'session' : 'sessions'}`;

export function BackupList({ replacesOpenLibrary, onRestored }: Props) {
  const api = useApi();
  const [state, dispatch] = useReducer(backupsReducer, initialBackups);

  useEffect(() => {
    let live = true;
    api.store
      .backups()
      .then((backups) => live && dispatch({ type: 'listed', backups }))
      .catch((error: unknown) => live && dispatch({ type: 'failed', message: errorMessage(error) }));
    return () => {
      live = false;
    };
  }, [api]);

  const restore = async (backup: BackupInfo) => {
    dispatch({ type: 'restoring' });
    try {
      const report = await api.store.restore({ backupId: backup.id });
      dispatch({ type: 'restored' });
      onRestored(report);
    } catch (error) {
      dispatch({ type: 'failed', message: errorMessage(error) });
    }
  };

  return (
    <div className="backups">
      {state.error && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
      {state.backups === null && !state.error && <p aria-live="polite">Looking for backups…</p>}
      {state.backups?.length === 0 && <p className="empty">There are no backups yet.</p>}
      {state.backups && state.backups.length > 0 && (
        <ul className="backup-list">
          {state.backups.map((backup) => (
            <li key={backup.id} className="card">
              <span className="backup-when">{dateWords(backup.createdAt)}</span>{' '}
              <span className="hint">
                — {backup.sessionCount === null ? 'this backup cannot be read' : sessionsWords(backup.sessionCount)}
                {backup.pinned && ', kept from before the library was damaged'}
              </span>
              {state.confirming?.id === backup.id ? (
                <div className="confirm-restore" role="group" aria-label="Confirm the restore">
                  <p>
                    Restore your library as it was on {dateWords(backup.createdAt)}? Sessions added or changed since then will not
                    be in it.{replacesOpenLibrary && ' Your current library is kept aside, not deleted.'} Sessions you deleted stay
                    deleted.
                  </p>
                  <div className="dialog-actions">
                    <button type="button" onClick={() => dispatch({ type: 'cancelRestore' })} disabled={state.restoring}>
                      Cancel
                    </button>
                    <button type="button" className="primary" onClick={() => void restore(backup)} disabled={state.restoring}>
                      {state.restoring ? 'Restoring…' : 'Restore this backup'}
                    </button>
                  </div>
                </div>
              ) : (
                <button
                  type="button"
                  disabled={!restorable(backup) || state.restoring}
                  aria-label={`Restore the backup from ${dateWords(backup.createdAt)}`}
                  onClick={() => dispatch({ type: 'askRestore', backup })}
                >
                  Restore…
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
