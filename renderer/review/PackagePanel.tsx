/**
 * Supervision by package (docs/review-package.md): seal this session — analysis, notes and ratings,
 * consent record, and short clips around the markers chosen, de-identified if asked — into one
 * passphrase-protected file for a supervisor, and take a supervisor's package back in, their notes
 * merged with these (the later edit of a note wins; a backup is made first).
 */
import { useId, useState, type FormEvent } from 'react';
import type { Marker } from '../../lib/analysis/types.ts';
import { CLIPS_MAX } from '../../lib/clips/clip-windows.ts';
import { formatClock } from '../../lib/time/clock.ts';
import type { ConsentPurpose } from '../../lib/ipc/contract.ts';
import { PASSPHRASE_MIN } from '../../lib/ipc/supervision-channels.ts';
import { errorMessage, useApi } from '../app/api-context.ts';
import { importWords, plural } from './package-words.ts';

interface Props {
  sessionId: string;
  purposes: readonly ConsentPurpose[];
  /** The markers the review shows: clips can be made around them (not in a session received without its recording). */
  markers: readonly Marker[];
  /** The session came in a package: what is sealed goes back to its sender, without clips. */
  received: boolean;
  /** Called after an import, so the notes are shown as merged. */
  onImported: () => void;
}

export function PackagePanel({ sessionId, purposes, markers, received, onImported }: Props) {
  const api = useApi();
  const ids = useId();
  const [mode, setMode] = useState<'share' | 'import' | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [clipIds, setClipIds] = useState<string[]>([]);
  const [deidentify, setDeidentify] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const coversSupervision = purposes.includes('supervision');

  const open = (next: 'share' | 'import') => {
    setMode(next);
    setPassphrase('');
    setAgain('');
    setClipIds([]);
    setDeidentify(false);
    setError(null);
    setStatus(null);
  };

  const toggleClip = (markerId: string, on: boolean) =>
    setClipIds((ids) => (on ? [...ids, markerId] : ids.filter((id) => id !== markerId)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'share' && passphrase !== again) return setError('The two passphrases differ.');
    setBusy(true);
    try {
      if (mode === 'share') {
        const result = await api.package.create({ sessionId, passphrase, ...(clipIds.length > 0 ? { clipMarkerIds: clipIds } : {}), deidentify });
        const clips = result && result.clips > 0 ? ` with ${plural(result.clips, result.deidentified ? 'drawn clip' : 'clip', result.deidentified ? 'drawn clips' : 'clips')}` : '';
        const names = result?.deidentified ? ' Names and the file name were left out; your notes’ own words were not changed.' : '';
        setStatus(result ? `Sealed${clips} and saved to ${result.path}. Tell your supervisor the passphrase another way than the file.${names}` : null);
      } else {
        const report = await api.package.import({ passphrase });
        if (report) {
          setStatus(importWords(report));
          onImported();
        }
      }
      setMode(null);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      setPassphrase('');
      setAgain('');
    }
  };

  return (
    <section className="package-panel" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Supervision package</h2>
      <p className="muted">
        {received
          ? 'Seal your notes and ratings, with the analysis and the consent record, into one encrypted file back to whoever sent this session; no clips, since the recording is not here.'
          : 'One encrypted file with this session’s analysis, notes and ratings and the consent record — and, if you choose, short clips around markers — for your supervisor to open with Attune; their notes come back the same way.'}
      </p>
      <div className="note-actions">
        <button type="button" onClick={() => open('share')} disabled={!coversSupervision}>
          {received ? 'Seal a package back…' : 'Seal for my supervisor…'}
        </button>
        <button type="button" onClick={() => open('import')}>
          Take in a supervisor’s package…
        </button>
      </div>
      {!coversSupervision && <p className="muted">The client’s consent does not cover supervision, so this session cannot be sealed for a supervisor.</p>}
      {mode && (
        <form className="note-form" onSubmit={(e) => void submit(e)} aria-label={mode === 'share' ? 'Seal for my supervisor' : 'Take in a package'}>
          <label>
            Passphrase{mode === 'share' ? ` (at least ${PASSPHRASE_MIN} characters; a few words are easiest to pass on)` : ''}{' '}
            <input type="password" autoComplete="off" autoFocus value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </label>
          {mode === 'share' && (
            <label>
              The passphrase again <input type="password" autoComplete="off" value={again} onChange={(e) => setAgain(e.target.value)} />
            </label>
          )}
          {mode === 'share' && !received && markers.length > 0 && (
            <fieldset className="package-clips">
              <legend>Clips (each marker with 4 seconds either side, at most 40 seconds; up to {CLIPS_MAX})</legend>
              {markers.map((marker) => (
                <label key={marker.id}>
                  <input
                    type="checkbox"
                    checked={clipIds.includes(marker.id)}
                    disabled={!clipIds.includes(marker.id) && clipIds.length >= CLIPS_MAX}
                    onChange={(e) => toggleClip(marker.id, e.target.checked)}
                  />{' '}
                  {formatClock(marker.startSec)} {marker.summary}
                </label>
              ))}
            </fieldset>
          )}
          {mode === 'share' && (
            <label>
              <input type="checkbox" checked={deidentify} onChange={(e) => setDeidentify(e.target.checked)} /> De-identify: clips show a drawing of
              the face and body landmarks instead of the video, the voice is pitch-shifted, and names and the file name are left out. The words
              spoken and your notes’ text are not changed.
            </label>
          )}
          <div className="note-actions">
            <button type="submit" className="primary" disabled={busy || passphrase === ''}>
              {mode === 'share' ? 'Seal and save…' : 'Choose the package…'}
            </button>
            <button type="button" onClick={() => setMode(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <p role="status">{status}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
