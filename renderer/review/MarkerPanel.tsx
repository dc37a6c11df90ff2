/**
 * Every marker with its evidence, in words: what changed (before → after), how unusual that is for
 * this person, and why it may have been easy to miss live. Choosing one seeks the video to it.
 */
import { memo, useEffect, useRef } from 'react';
import type { Marker } from '../../lib/analysis/types.ts';
import { formatClock } from '../timeline/viewport.ts';
import { evidenceLines, isPairMarker, kindWords, missedBecauseSentence, modalityWords, PAIR_WORDS, strengthWords } from '../../lib/analysis/marker-words.ts';

interface Props {
  markers: readonly Marker[];
  selectedId: string | null;
  /** "Client", "Therapist", "Person 2"… */
  personLabel: (personId: string | null) => string;
  onPick: (marker: Marker) => void;
}

export const MarkerPanel = memo(function MarkerPanel({ markers, selectedId, personLabel, onPick }: Props) {
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
      {markers.length === 0 && (
        <p className="empty">
          No marked changes in this session. That does not mean nothing happened — only that no face or voice cue moved far
          outside this person’s usual range.
        </p>
      )}
      <ol ref={listRef} className="markers">
        {markers.map((marker) => {
          const selected = marker.id === selectedId;
          const missed = missedBecauseSentence(marker.missedBecause);
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
              {missed && (
                <p className="missed">
                  <strong>Why this was easy to miss:</strong> {missed}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
});
