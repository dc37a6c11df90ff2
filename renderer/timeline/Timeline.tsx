/**
 * The multi-track timeline: a time ruler, the face rows, the voice rows and the markers lane, all
 * sharing one visible window, with the playback position drawn across every row.
 * Zoom with the buttons, ctrl + mouse wheel, or the + and − keys (handled by the review screen).
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Marker } from '../../lib/analysis/types.ts';
import type { ReviewAction, ReviewState } from '../state/review.ts';
import { drawRuler, prepareCanvas } from './draw.ts';
import { layoutMarkers } from './marker-layout.ts';
import type { Note } from '../../lib/ipc/supervision-channels.ts';
import { SpanLane } from './SpanLane.tsx';
import { MARKER_COLORS, NOTE_COLORS } from './palette.ts';
import { PALETTE } from './palette.ts';
import type { TrackRow } from './track-rows.ts';
import { TrackRowView } from './TrackRowView.tsx';
import { usePlotBox } from './use-plot-box.ts';
import { formatClock } from '../../lib/time/clock.ts';
import { canZoomIn, canZoomOut, pxToTime, spanOf, timeToPx, ZOOM_FACTOR } from './viewport.ts';

const ROW_HEIGHT = 34;
const BAND_HEIGHT = 18;
const RULER_HEIGHT = 22;

interface Props {
  rows: readonly TrackRow[];
  /** Heading for the face rows, e.g. "Face — client". */
  faceTitle: string;
  markers: readonly Marker[];
  /** The session's notes and ratings, drawn in their own lane under the markers. */
  notes: readonly Note[];
  state: ReviewState;
  dispatch: (action: ReviewAction) => void;
  onSeek: (tSec: number) => void;
  onPickMarker: (marker: Marker) => void;
}

export function Timeline({ rows, faceTitle, markers, notes, state, dispatch, onSeek, onPickMarker }: Props) {
  const rootRef = useRef<HTMLDivElement>(null);
  const rulerRef = useRef<HTMLCanvasElement>(null);
  const plot = usePlotBox(rulerRef);
  const { view, durationSec, playheadSec } = state;

  useLayoutEffect(() => {
    const canvas = rulerRef.current;
    if (!canvas || plot.width <= 0) return;
    const ctx = prepareCanvas(canvas, plot.width, RULER_HEIGHT);
    if (ctx) drawRuler(ctx, view, plot.width, RULER_HEIGHT, PALETTE.ruler);
  }, [view, plot.width]);

  // Ctrl + wheel zooms, plain wheel scrolls sideways. Registered by hand because React's wheel
  // listener is passive and could not stop the browser zooming the whole page.
  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const onWheel = (event: WheelEvent) => {
      if (event.ctrlKey) {
        event.preventDefault();
        dispatch({ type: 'zoom', factor: event.deltaY < 0 ? ZOOM_FACTOR : 1 / ZOOM_FACTOR });
      } else if (Math.abs(event.deltaX) > Math.abs(event.deltaY) || event.shiftKey) {
        event.preventDefault();
        dispatch({ type: 'pan', fraction: (event.deltaX || event.deltaY) / 1000 });
      }
    };
    root.addEventListener('wheel', onWheel, { passive: false });
    return () => root.removeEventListener('wheel', onWheel);
  }, [dispatch]);

  const faceRows = rows.filter((r) => r.group === 'face');
  const bodyRows = rows.filter((r) => r.group === 'body');
  const voiceRows = rows.filter((r) => r.group === 'voice');
  const pairRows = rows.filter((r) => r.group === 'interaction');
  const playheadX = timeToPx(view, plot.width, playheadSec);
  // Tenths of a second only matter when the window is under a minute wide.
  const tenths = spanOf(view) < 60;
  const selectedBox = useMemo(() => {
    const selected = markers.filter((m) => m.id === state.selectedMarkerId);
    return layoutMarkers(selected, new Map(), view, plot.width)[0] ?? null;
  }, [markers, state.selectedMarkerId, view, plot.width]);
  const rowView = (row: TrackRow) => (
    <TrackRowView
      key={row.signal.key}
      row={row}
      view={view}
      width={plot.width}
      height={row.signal.draw === 'band' ? BAND_HEIGHT : ROW_HEIGHT}
      onSeek={onSeek}
    />
  );

  return (
    <div className="timeline" ref={rootRef}>
      <div className="timeline-toolbar" role="toolbar" aria-label="Timeline zoom">
        <button type="button" aria-keyshortcuts="-" disabled={!canZoomOut(view, durationSec)} onClick={() => dispatch({ type: 'zoom', factor: 1 / ZOOM_FACTOR })}>
          − Zoom out
        </button>
        <button type="button" aria-keyshortcuts="+" disabled={!canZoomIn(view, durationSec)} onClick={() => dispatch({ type: 'zoom', factor: ZOOM_FACTOR })}>
          + Zoom in
        </button>
        <button type="button" disabled={!canZoomOut(view, durationSec)} onClick={() => dispatch({ type: 'wholeSession' })}>
          Whole session
        </button>
        <span className="timeline-window" aria-live="polite">
          Showing {formatClock(view.startSec, tenths)}–{formatClock(view.endSec, tenths)} of {formatClock(durationSec, tenths)}
        </span>
      </div>
      <div className="timeline-rows">
        <div className="track-row ruler-row">
          <div className="track-label" aria-hidden="true" />
          <canvas
            ref={rulerRef}
            className="track-plot"
            style={{ height: RULER_HEIGHT }}
            aria-hidden="true"
            onClick={(e) => onSeek(pxToTime(view, plot.width, e.nativeEvent.offsetX))}
          />
        </div>
        {faceRows.length > 0 && <div className="group-label">{faceTitle}</div>}
        {faceRows.map(rowView)}
        {bodyRows.length > 0 && <div className="group-label">Body</div>}
        {bodyRows.map(rowView)}
        {voiceRows.length > 0 && <div className="group-label">Voice</div>}
        {voiceRows.map(rowView)}
        {pairRows.length > 0 && <div className="group-label">Both people</div>}
        {pairRows.map(rowView)}
        <div className="group-label">Markers</div>
        <div className="track-row markers-row">
          <div className="track-label">
            <span className="track-name">Changes</span>
            <span className="track-scale">{markers.length === 1 ? '1 marker' : `${markers.length} markers`}</span>
          </div>
          <SpanLane
            spans={markers}
            selectedId={state.selectedMarkerId}
            view={view}
            width={plot.width}
            colors={MARKER_COLORS}
            className="marker-lane"
            label={`${markers.length} markers; they are also listed beside the video`}
            describe={(m) => m.summary}
            onPick={onPickMarker}
          />
        </div>
        {notes.length > 0 && (
          <div className="track-row markers-row">
            <div className="track-label">
              <span className="track-name">Notes</span>
              <span className="track-scale">{notes.length === 1 ? '1 note or rating' : `${notes.length} notes and ratings`}</span>
            </div>
            <SpanLane
              spans={notes}
              selectedId={null}
              view={view}
              width={plot.width}
              colors={NOTE_COLORS}
              className="note-lane"
              label={`${notes.length} notes and ratings; they are also listed below the timeline`}
              describe={(n) => `${n.authorName}: ${n.rating === null ? '' : `[${n.rating}] `}${n.text}`}
              onPick={(n) => onSeek(n.startSec)}
            />
          </div>
        )}
        {selectedBox && (
          // The chosen marker's span shaded across every row, so its evidence can be read off each track.
          <div
            className="marker-span"
            aria-hidden="true"
            style={{
              left: plot.left + Math.max(selectedBox.x, 0),
              width: Math.min(selectedBox.x + selectedBox.width, plot.width) - Math.max(selectedBox.x, 0),
            }}
          />
        )}
        {plot.width > 0 && playheadX >= 0 && playheadX <= plot.width && (
          <div className="playhead" aria-hidden="true" style={{ transform: `translateX(${plot.left + playheadX}px)` }} />
        )}
      </div>
    </div>
  );
}
