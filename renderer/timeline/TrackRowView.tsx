/** One signal row: its name (with a tooltip saying how it is measured) and its canvas. Click to seek. */
import { memo, useLayoutEffect, useRef } from 'react';
import { drawBand, drawLine, prepareCanvas } from './draw.ts';
import { PALETTE } from './palette.ts';
import { envelope } from './series-pyramid.ts';
import type { TrackRow } from './track-rows.ts';
import { pxToTime, type Viewport } from './viewport.ts';

interface Props {
  row: TrackRow;
  view: Viewport;
  width: number;
  height: number;
  onSeek: (tSec: number) => void;
}

/** The row's y range: "5 to 21 of 100" for a face score, "92 to 188 Hz" for a voice. */
function scaleWords(row: TrackRow): string | null {
  if (!row.range || row.signal.draw === 'band') return null;
  // "−100 to −31 dB" reads better than "-100–-31 dB"; U+2212 is the typographic minus.
  const [lo, hi] = row.range;
  // Body measures in face-heights span less than 2 units; whole numbers would read "0 to 1".
  const number = (v: number) => (hi - lo < 2 ? v.toFixed(2) : String(Math.round(v))).replace('-', '−');
  if (row.signal.range) return `${Math.round(lo * 100)} to ${Math.round(hi * 100)} of 100`;
  return `${number(lo)} to ${number(hi)} ${row.signal.unit}`.trim();
}

/** What an on/off row shades: speech in the voice's colour, self-touch in the body's, being in step in the pair's. */
const BAND_COLORS = { face: PALETTE.speech, voice: PALETTE.speech, body: PALETTE.touch, interaction: PALETTE.inStep } as const;

export const TrackRowView = memo(function TrackRowView({ row, view, width, height, onSeek }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { signal } = row;
  const tipId = `tip-${signal.key}`;
  const color = PALETTE[row.group];

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width <= 0) return;
    const ctx = prepareCanvas(canvas, width, height);
    if (!ctx) return;
    if (!row.range) {
      ctx.fillStyle = PALETTE.muted;
      ctx.font = '12px system-ui, sans-serif';
      ctx.textBaseline = 'middle';
      ctx.fillText('Not detected in this recording', 8, height / 2);
      return;
    }
    const e = envelope(row.pyramid, view, width);
    if (signal.draw === 'band') drawBand(ctx, e, width, height, BAND_COLORS[row.group]);
    else drawLine(ctx, e, row.range, height, color);
  }, [row, signal.draw, view, width, height, color]);

  const scale = scaleWords(row);
  return (
    <div className={`track-row track-${signal.key}`} data-track={signal.key}>
      <div className="track-label" tabIndex={0} aria-describedby={tipId}>
        <span className="track-name">{signal.label}</span>
        {scale && <span className="track-scale">{scale}</span>}
        <span role="tooltip" id={tipId} className="tooltip">
          {signal.how}
        </span>
      </div>
      <canvas
        ref={canvasRef}
        className="track-plot"
        style={{ height }}
        role="img"
        aria-label={`${signal.label} over time`}
        onClick={(e) => onSeek(pxToTime(view, width, e.nativeEvent.offsetX))}
      />
    </div>
  );
});
