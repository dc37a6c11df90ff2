/**
 * A timeline row for the printed report: one signal as an SVG line (or shaded band), the session's
 * markers shaded behind it and numbered as in the marker list. Long sessions are reduced to one mean
 * per pixel column, so a report's size does not grow with the session.
 */
import type { Marker } from '../analysis/types.ts';
import type { DerivedSignal } from '../signals/signal.ts';
import { escapeXml } from './escape.ts';

export const PLOT_WIDTH = 640;
const ROW_HEIGHT = 46;
const PAD = 3;

/** Mean of the present values in each of `columns` equal slices of [0, durationSec]; null where none. */
export function columnMeans(t: ArrayLike<number>, values: readonly (number | null)[], durationSec: number, columns: number): (number | null)[] {
  const sums = new Float64Array(columns);
  const counts = new Uint32Array(columns);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    const column = Math.min(columns - 1, Math.max(0, Math.floor((t[i]! / durationSec) * columns)));
    sums[column]! += v;
    counts[column]!++;
  }
  return Array.from(sums, (sum, c) => (counts[c] ? sum / counts[c]! : null));
}

function linePaths(means: readonly (number | null)[], width: number, height: number): string {
  const present = means.filter((v): v is number => v !== null);
  if (present.length === 0) return '';
  // Scaled to the middle 96 % of the values, so one outlier (a click, the silence before the first word)
  // cannot flatten the rest of the line; values beyond are drawn at the edge.
  const sorted = [...present].sort((a, b) => a - b);
  const lo = sorted[Math.floor((sorted.length - 1) * 0.02)]!;
  const hi = sorted[Math.ceil((sorted.length - 1) * 0.98)]!;
  const span = hi - lo || 1;
  const y = (v: number): string => (PAD + (height - 2 * PAD) * (1 - Math.min(1, Math.max(0, (v - lo) / span)))).toFixed(1);
  const x = (c: number): string => (((c + 0.5) * width) / means.length).toFixed(1);
  const runs: string[] = [];
  let run: string[] = [];
  means.forEach((v, c) => {
    if (v === null) {
      if (run.length) runs.push(run.join(' '));
      run = [];
    } else run.push(`${run.length ? 'L' : 'M'}${x(c)} ${y(v)}`);
  });
  if (run.length) runs.push(run.join(' '));
  return runs.map((d) => `<path d="${d}" fill="none" stroke="#1f4e79" stroke-width="1.2"/>`).join('');
}

function bandRects(means: readonly (number | null)[], width: number, height: number): string {
  const w = width / means.length;
  return means
    .map((v, c) => (v !== null && v >= 0.5 ? `<rect x="${(c * w).toFixed(1)}" y="${PAD}" width="${w.toFixed(2)}" height="${height - 2 * PAD}" fill="#7fa7c9"/>` : ''))
    .join('');
}

export function signalRowSvg(signal: DerivedSignal, markers: readonly Marker[], markerNumber: (m: Marker) => number, durationSec: number): string {
  const width = PLOT_WIDTH;
  const height = ROW_HEIGHT;
  const duration = durationSec > 0 ? durationSec : 1;
  // Never more columns than samples: a 5-frames-a-second face track on a short clip would otherwise be all gaps.
  const means = columnMeans(signal.t, signal.values, duration, Math.max(1, Math.min(width, signal.values.length)));
  const measured = means.some((v) => v !== null);
  const x = (sec: number): number => (Math.min(Math.max(sec, 0), duration) / duration) * width;
  const shading = markers
    .map((m) => {
      const left = x(m.startSec);
      const w = Math.max(2, x(m.endSec) - left);
      return `<rect x="${left.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="${height}" fill="#f4c27a" opacity="0.45"/><text x="${(left + 1).toFixed(1)}" y="9" font-size="8" fill="#7a4a00">${markerNumber(m)}</text>`;
    })
    .join('');
  const body = signal.draw === 'band' ? bandRects(means, width, height) : linePaths(means, width, height);
  const unit = signal.unit ? ` (${signal.unit})` : '';
  return (
    `<figure class="row"><figcaption title="${escapeXml(signal.how)}">${escapeXml(signal.label + unit)}</figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(signal.label)}">` +
    `<rect width="${width}" height="${height}" fill="#fafafa" stroke="#ddd"/>${shading}${measured ? body : `<text x="6" y="${height / 2 + 3}" font-size="9" fill="#888">not measured</text>`}</svg></figure>`
  );
}
