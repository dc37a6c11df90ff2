/**
 * Notice first, then compare (lib/notice/compare.ts): while watching with Attune's markers hidden, the
 * therapist presses m at each change they notice in the client (a word may be added); then Attune shows
 * what both noticed, what only it marked and what only they did, with the session's agreement.
 */
import type { Marker } from '../../lib/analysis/types.ts';
import { markerOnset } from '../../lib/analysis/marker-onset.ts';
import type { NoticeRun } from '../../lib/ipc/supervision-channels.ts';
import type { Press } from '../../lib/notice/compare.ts';
import { formatClock } from '../../lib/time/clock.ts';

export function NoticeOffer({ onStart, onSkip }: { onStart: () => void; onSkip: () => void }) {
  return (
    <div className="notice-offer" role="region" aria-label="Notice first">
      <p>
        <strong>Notice first?</strong> Watch the session with Attune’s markers hidden and press <kbd>m</kbd> each time you notice a
        change in your client. Then compare what you noticed with what Attune marked.
      </p>
      <button type="button" className="primary" onClick={onStart}>
        Notice first
      </button>{' '}
      <button type="button" onClick={onSkip}>
        Show the markers now
      </button>
    </div>
  );
}

interface WatchProps {
  presses: readonly Press[];
  onWord: (index: number, word: string) => void;
  onRemove: (index: number) => void;
  onFinish: () => void;
  onCancel: () => void;
  onSeek: (sec: number) => void;
}

export function NoticeWatch({ presses, onWord, onRemove, onFinish, onCancel, onSeek }: WatchProps) {
  return (
    <section className="notice-watch" aria-labelledby="notice-title">
      <h2 id="notice-title">Noticing first</h2>
      <p>
        Attune’s markers and tracks are hidden. Play the session (space) and press <kbd>m</kbd> whenever you notice a change in your
        client; add a word if it helps.
      </p>
      <ol className="presses">
        {presses.map((press, i) => (
          <li key={`${press.tSec}-${i}`}>
            <button type="button" className="note-time" onClick={() => onSeek(press.tSec)}>
              {formatClock(press.tSec, true)}
            </button>{' '}
            <input
              aria-label={`Word for ${formatClock(press.tSec, true)}`}
              maxLength={40}
              value={press.word ?? ''}
              onChange={(e) => onWord(i, e.target.value)}
            />{' '}
            <button type="button" onClick={() => onRemove(i)}>
              Remove
            </button>
          </li>
        ))}
      </ol>
      {presses.length === 0 && <p className="empty">No moments marked yet.</p>}
      <button type="button" className="primary" onClick={onFinish}>
        Finish and compare
      </button>{' '}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </section>
  );
}

interface ResultProps {
  run: NoticeRun;
  markers: readonly Marker[];
  onSeek: (sec: number) => void;
  onDismiss: () => void;
}

export function NoticeResult({ run, markers, onSeek, onDismiss }: ResultProps) {
  const byId = new Map(markers.map((m) => [m.id, m]));
  const { both, onlyAttune, onlyYou, agreement } = run.comparison;
  const at = (sec: number) => (
    <button type="button" className="note-time" onClick={() => onSeek(sec)}>
      {formatClock(sec, true)}
    </button>
  );
  const word = (p: Press) => (p.word ? ` “${p.word}”` : '');
  return (
    <section className="notice-result" aria-labelledby="notice-result-title">
      <h2 id="notice-result-title">What you noticed, and what Attune marked</h2>
      <p className="agreement">
        {agreement === null
          ? 'Neither you nor Attune marked a change in this session.'
          : `You noticed ${both.length} of the ${run.markerCount} change${run.markerCount === 1 ? '' : 's'} Attune marked; ${onlyYou.length} of your ${run.presses.length} moment${run.presses.length === 1 ? '' : 's'} had no marker. Agreement ${Math.round(agreement * 100)} %.`}
      </p>
      <p className="muted">
        A press counts as the same moment as a marker when it is within the marker’s time or 3 seconds either side. Attune’s markers
        are not the truth: a moment only you noticed may be the more important one.
      </p>
      <div className="notice-columns">
        <div>
          <h3>Both noticed ({both.length})</h3>
          <ul>
            {both.map(({ press, markerId }) => (
              <li key={`${markerId}`}>
                {at(press.tSec)}
                {word(press)} — {byId.get(markerId)?.summary ?? markerId}
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>Only Attune ({onlyAttune.length})</h3>
          <ul>
            {onlyAttune.map((id) => {
              const marker = byId.get(id);
              return <li key={id}>{marker ? <>{at(markerOnset(marker))} — {marker.summary}</> : id}</li>;
            })}
          </ul>
        </div>
        <div>
          <h3>Only you ({onlyYou.length})</h3>
          <ul>
            {onlyYou.map((press, i) => (
              <li key={`${press.tSec}-${i}`}>
                {at(press.tSec)}
                {word(press)}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <button type="button" onClick={onDismiss}>
        Close
      </button>
    </section>
  );
}
