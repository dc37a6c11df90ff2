/**
 * The idle lock's settings: after how many minutes without use Attune locks, and the lock passphrase
 * that unlocking asks for (set, changed or removed; changing or removing needs the current one).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { IDLE_MINUTES_MAX, IDLE_MINUTES_MIN, LOCK_PASSPHRASE_MIN, type LockSettingsRequest, type LockState } from '../../lib/ipc/lock-channels.ts';
import { errorMessage, useApi } from '../app/api-context.ts';

export function LockSettings() {
  const api = useApi();
  const [lock, setLock] = useState<LockState | null>(null);
  const [minutes, setMinutes] = useState('');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [remove, setRemove] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.lock
      .state()
      .then((state) => {
        setLock(state);
        setMinutes(String(state.idleMinutes));
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [api]);
  if (!lock) return null;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (next !== again) return setError('The two new passphrases differ.');
    const request: LockSettingsRequest = { idleMinutes: Number(minutes) };
    if (remove) request.newPassphrase = null;
    else if (next !== '') request.newPassphrase = next;
    if (lock.hasPassphrase && request.newPassphrase !== undefined) request.currentPassphrase = current;
    try {
      setLock(await api.lock.configure(request));
      setStatus('Saved.');
      setError(null);
      setCurrent('');
      setNext('');
      setAgain('');
      setRemove(false);
    } catch (e) {
      setStatus(null);
      setError(errorMessage(e));
    }
  };

  return (
    <form onSubmit={(e) => void save(e)} aria-label="Lock">
      <fieldset>
        <legend>Lock when away</legend>
        <p className="muted">
          After this long without anyone using the computer, Attune hides all client data until it is unlocked. Lock at once with
          Lock in the bar at the top. A note being written when it locks is not kept.
        </p>
        <label className="field">
          Lock after{' '}
          <input type="number" min={IDLE_MINUTES_MIN} max={IDLE_MINUTES_MAX} required value={minutes} onChange={(e) => setMinutes(e.target.value)} /> minutes
        </label>
        <p className="muted">
          {lock.hasPassphrase
            ? 'Unlocking asks for the lock passphrase.'
            : 'No lock passphrase is set: unlocking is a click, so the lock only hides the screen. Set one so that unlocking needs it.'}
        </p>
        {lock.hasPassphrase && (
          <label className="field">
            Current lock passphrase (to change or remove it){' '}
            <input type="password" autoComplete="off" value={current} onChange={(e) => setCurrent(e.target.value)} />
          </label>
        )}
        {!remove && (
          <>
            <label className="field">
              New lock passphrase (at least {LOCK_PASSPHRASE_MIN} characters){' '}
              <input type="password" autoComplete="off" value={next} onChange={(e) => setNext(e.target.value)} />
            </label>
            <label className="field">
              The new passphrase again <input type="password" autoComplete="off" value={again} onChange={(e) => setAgain(e.target.value)} />
            </label>
          </>
        )}
        {lock.hasPassphrase && (
          <label className="check">
            <input type="checkbox" checked={remove} onChange={(e) => setRemove(e.target.checked)} /> Remove the lock passphrase
          </label>
        )}
      </fieldset>
      <div className="note-actions">
        <button type="submit" className="primary">
          Save lock settings
        </button>
        <span role="status">{status}</span>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
