/**
 * Where markers sit in the markers lane, and which one a pointer is over. Markers that overlap in
 * time go on separate rows so none hides another; brief markers get a minimum width so they stay
 * clickable at the whole-session zoom.
 */
import type { Marker } from '../../lib/analysis/types.ts';
import { timeToPx, type Viewport } from './viewport.ts';

/** What a lane needs of a marker or a note. */
export type TimeSpan = Pick<Marker, 'id' | 'startSec' | 'endSec'>;

export interface MarkerBox {
  readonly id: string;
  readonly x: number;
  readonly width: number;
  readonly row: number;
}

/** Narrower than this is too small to see or hit with a mouse. */
export const MIN_MARKER_PX = 8;

/** Assigns each marker the first row where it does not overlap (in time) the previous marker on that row. */
export function assignRows(markers: readonly TimeSpan[]): Map<string, number> {
  const rowEnds: number[] = [];
  const rows = new Map<string, number>();
  const byStart = [...markers].sort((a, b) => a.startSec - b.startSec);
  for (const marker of byStart) {
    let row = rowEnds.findIndex((end) => end <= marker.startSec);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = marker.endSec;
    rows.set(marker.id, row);
  }
  return rows;
}

/** Boxes for the markers that intersect the visible window, in pixels of a lane `widthPx` wide. */
export function layoutMarkers(
  markers: readonly TimeSpan[],
  rows: ReadonlyMap<string, number>,
  view: Viewport,
  widthPx: number,
): MarkerBox[] {
  const boxes: MarkerBox[] = [];
  for (const marker of markers) {
    const x0 = timeToPx(view, widthPx, marker.startSec);
    const x1 = timeToPx(view, widthPx, marker.endSec);
    const width = Math.max(x1 - x0, MIN_MARKER_PX);
    // Brief markers grow around their centre, so the box stays over the moment it marks.
    const x = x1 - x0 >= MIN_MARKER_PX ? x0 : (x0 + x1) / 2 - MIN_MARKER_PX / 2;
    if (x + width < 0 || x > widthPx) continue;
    boxes.push({ id: marker.id, x, width, row: rows.get(marker.id) ?? 0 });
  }
  return boxes;
}

/**
 * The marker under (x, y), or null. Where boxes overlap (only possible through the minimum
 * width) the narrowest wins — the brief marker is the one that would otherwise be unreachable.
 */
export function hitTestMarker(boxes: readonly MarkerBox[], x: number, y: number, rowHeightPx: number): string | null {
  const row = Math.floor(y / rowHeightPx);
  let best: MarkerBox | null = null;
  for (const box of boxes) {
    if (box.row !== row || x < box.x || x > box.x + box.width) continue;
    if (best === null || box.width < best.width) best = box;
  }
  return best?.id ?? null;
}

/** The next marker starting after `tSec` (or the previous one before it), for the n / p keys. */
export function adjacentMarker(markers: readonly Marker[], tSec: number, direction: 1 | -1): Marker | null {
  // A small tolerance so "next" from a marker's own start moves on rather than staying put.
  const epsilon = 0.05;
  if (direction === 1) return markers.find((m) => m.startSec > tSec + epsilon) ?? null;
  return [...markers].reverse().find((m) => m.startSec < tSec - epsilon) ?? null;
}
