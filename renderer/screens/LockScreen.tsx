/**
 * Shown instead of everything else while Attune is locked (after the set time without use, or on
 * request). Main refuses every request but unlocking meanwhile, so nothing of a client is on screen or
 * reachable until the lock passphrase is given (or, with none set, the clinician clicks Unlock).
 */
import { useState, type FormEvent } from 'react';
import type { LockState } from '../../lib/ipc/lock-channels.ts';
import { errorMessage, useApi } from '../app/api-context.ts';

export function LockScreen({ lock, onUnlocked }: { lock: LockState; onUnlocked: (state: LockState) => void }) {
  const api = useApi();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);

  const unlock = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onUnlocked(await api.lock.unlock({ passphrase }));
    } catch (e) {
      setError(errorMessage(e));
      setPassphrase('');
    }
  };

  return (
    <section className="lock-screen" aria-labelledby="lock-title">
      <h1 id="lock-title" tabIndex={-1}>
        Attune is locked
      </h1>
      <p>
        {lock.hasPassphrase
          ? 'Client data is hidden. Type the lock passphrase to go on.'
          : 'Client data is hidden. Set a lock passphrase in Settings so that unlocking needs it.'}
      </p>
      <form onSubmit={(e) => void unlock(e)} aria-label="Unlock">
        {lock.hasPassphrase && (
          <label>
            Lock passphrase <input type="password" autoComplete="off" autoFocus value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </label>
        )}{' '}
        <button type="submit" className="primary" autoFocus={!lock.hasPassphrase}>
          Unlock
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
