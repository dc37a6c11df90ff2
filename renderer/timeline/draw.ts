/** Canvas drawing for the timeline. Everything here works in CSS pixels on a context already scaled for the display. */
import type { MarkerBox } from './marker-layout.ts';
import type { Envelope } from './series-pyramid.ts';
import { formatClock } from '../../lib/time/clock.ts';
import { tickStepSec, timeToPx, type Viewport } from './viewport.ts';

/** Sizes a canvas for its CSS box at the display's pixel density and returns a context in CSS pixels. */
export function prepareCanvas(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

/**
 * A signal as a min/max envelope: each column is a vertical stroke from its min to its max, joined
 * to its neighbours; absent stretches (NaN) break the line. A lone present column between gaps gets
 * a dot, so a brief glimpse of a face is not invisible.
 */
export function drawLine(ctx: CanvasRenderingContext2D, e: Envelope, range: [number, number], height: number, color: string): void {
  const pad = 3;
  const [lo, hi] = range;
  const y = (v: number) => {
    const clamped = Math.min(Math.max(v, lo), hi);
    return height - pad - ((clamped - lo) / (hi - lo)) * (height - 2 * pad);
  };
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 1.25;
  ctx.lineJoin = 'round';
  ctx.beginPath();
  let drawing = false;
  for (let i = 0; i < e.length; i++) {
    const min = e.min[i]!;
    if (Number.isNaN(min)) {
      drawing = false;
      continue;
    }
    const x = e.x[i]!;
    const yMax = y(e.max[i]!);
    const yMin = y(min);
    if (drawing) ctx.lineTo(x, yMax);
    else ctx.moveTo(x, yMax);
    ctx.lineTo(x, yMin);
    const next = e.min[i + 1];
    if (!drawing && (next === undefined || Number.isNaN(next))) ctx.fillRect(x - 1, yMax - 1, 2, yMin - yMax + 2);
    drawing = true;
  }
  ctx.stroke();
}

/** An on/off signal (speech) as shaded spans where it is on in any part of a column. */
export function drawBand(ctx: CanvasRenderingContext2D, e: Envelope, width: number, height: number, color: string): void {
  ctx.fillStyle = color;
  for (let i = 0; i < e.length; i++) {
    if (!(e.max[i]! >= 0.5)) continue;
    const x = e.x[i]!;
    const next = i + 1 < e.length ? e.x[i + 1]! : width;
    ctx.fillRect(x, 2, Math.max(next - x, 1), height - 4);
  }
}

export function drawRuler(ctx: CanvasRenderingContext2D, view: Viewport, width: number, height: number, color: string): void {
  const step = tickStepSec(view, width);
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'top';
  ctx.beginPath();
  for (let t = Math.ceil(view.startSec / step) * step; t <= view.endSec; t += step) {
    const x = Math.round(timeToPx(view, width, t)) + 0.5;
    ctx.moveTo(x, height - 6);
    ctx.lineTo(x, height);
    ctx.fillText(formatClock(t, step < 1), x + 3, 2);
  }
  ctx.stroke();
}

export function drawMarkers(
  ctx: CanvasRenderingContext2D,
  boxes: readonly MarkerBox[],
  selectedId: string | null,
  rowHeight: number,
  colors: { fill: string; selected: string; outline: string },
): void {
  for (const box of boxes) {
    const selected = box.id === selectedId;
    const y = box.row * rowHeight + 2;
    ctx.fillStyle = selected ? colors.selected : colors.fill;
    ctx.fillRect(box.x, y, box.width, rowHeight - 4);
    if (selected) {
      ctx.strokeStyle = colors.outline;
      ctx.lineWidth = 2;
      ctx.strokeRect(box.x + 1, y + 1, box.width - 2, rowHeight - 6);
    }
  }
}
