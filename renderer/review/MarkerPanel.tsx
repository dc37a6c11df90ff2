/**
 * Every marker with its evidence, in words: what changed (before → after), how unusual that is for
 * this person, and why it may have been easy to miss live. Choosing one seeks the video to it.
 */
import { memo, useEffect, useRef } from 'react';
import type { Marker } from '../../lib/analysis/types.ts';
import { formatClock } from '../../lib/time/clock.ts';
import { evidenceLines, isPairMarker, kindWords, modalityWords, PAIR_WORDS, strengthWords } from '../../lib/analysis/marker-words.ts';
import { missedLines, missedSummary, MISSED_REASONS, reasonLabel, type MissedReason } from '../../lib/analysis/missed-words.ts';

interface Props {
  /** Every marker of the session, for the counts. */
  allMarkers: readonly Marker[];
  /** The markers shown: all, or those with the chosen reason. */
  markers: readonly Marker[];
  reason: MissedReason | null;
  onReason: (reason: MissedReason | null) => void;
  selectedId: string | null;
  /** "Client", "Therapist", "Person 2"… */
  personLabel: (personId: string | null) => string;
  onPick: (marker: Marker) => void;
}

export const MarkerPanel = memo(function MarkerPanel({ allMarkers, markers, reason, onReason, selectedId, personLabel, onPick }: Props) {
  const listRef = useRef<HTMLOListElement>(null);

  // Bring the chosen marker into view in the list, whether it was chosen here, on the timeline or with n / p.
  useEffect(() => {
    if (!selectedId) return;
    listRef.current?.querySelector(`[data-marker-id="${CSS.escape(selectedId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  return (
    <section className="marker-panel" aria-labelledby="markers-title">
      <h2 id="markers-title">
        Markers <span className="count">({markers.length})</span>
      </h2>
      <MissedFilter markers={allMarkers} reason={reason} onReason={onReason} />
      {markers.length === 0 && reason === null && (
        <p className="empty">
          No marked changes in this session. That does not mean nothing happened — only that no face or voice cue moved far
          outside this person’s usual range.
        </p>
      )}
      <ol ref={listRef} className="markers">
        {markers.map((marker) => {
          const selected = marker.id === selectedId;
          const missed = missedLines(marker, 'therapist');
          return (
            <li key={marker.id} data-marker-id={marker.id} className={selected ? 'marker selected' : 'marker'}>
              <button type="button" className="marker-jump" aria-pressed={selected} onClick={() => onPick(marker)}>
                <span className="marker-time">
                  {formatClock(marker.startSec, true)}
                  {marker.endSec - marker.startSec >= 0.05 && `–${formatClock(marker.endSec, true)}`}
                </span>
                <span className="marker-kind">
                  {kindWords(marker.kind)} · {modalityWords(marker)} · {isPairMarker(marker) ? PAIR_WORDS : personLabel(marker.personId)}
                </span>
              </button>
              <p className="marker-summary">{marker.summary}</p>
              <p className="marker-strength">{strengthWords(marker.score)}</p>
              <h3 className="visually-hidden">Evidence</h3>
              <ul className="evidence">
                {evidenceLines(marker.cues).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              {missed.length > 0 && (
                <div className="missed">
                  <strong>Why this was easy to miss:</strong>
                  <ul>
                    {missed.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
});

/**
 * The session's counts ("5 of 9 changes began while you were speaking") and a choice of which markers to
 * list: all, or those with one reason. Only reasons that occur are offered.
 */
function MissedFilter({ markers, reason, onReason }: { markers: readonly Marker[]; reason: MissedReason | null; onReason: (r: MissedReason | null) => void }) {
  const summary = missedSummary(markers, 'therapist');
  const offered = MISSED_REASONS.filter((r) => markers.some((m) => m.missedBecause?.includes(r)));
  if (offered.length === 0) return null;
  return (
    <div className="missed-filter">
      <ul className="missed-summary" aria-label="Why changes were easy to miss">
        {summary.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <div role="group" aria-label="Show markers" className="chips">
        <button type="button" aria-pressed={reason === null} onClick={() => onReason(null)}>
          All
        </button>
        {offered.map((r) => (
          <button key={r} type="button" aria-pressed={reason === r} onClick={() => onReason(reason === r ? null : r)}>
            {reasonLabel(r, 'therapist')}
          </button>
        ))}
      </div>
    </div>
  );
}
