/**
 * Motion Energy Analysis (MEA; Ramseyer & Tschacher), the standard movement measure of psychotherapy
 * process research: how much of a person's region of the picture changed from one analysed frame to the
 * next. It needs no pose model — only the picture — so it exists at every analysed frame, also where
 * keypoints are unreliable.
 *
 * Each frame is reduced to a grid of grey levels (block means, which also smooth the camera's pixel
 * noise); a cell "changed" when its grey level moved by more than CHANGE_THRESHOLD; a person's value is
 * the share of cells in their upper-body region that changed (0 = still, 1 = everything moved). The
 * region is found from the person's face in that frame and, with two people, stops halfway between them.
 */
import type { FaceObservation } from '../vision/types.ts';
import type { Series } from '../analysis/types.ts';

/** Grid columns across the frame (rows follow its shape): 5-px cells at the default 320-px analysis size. */
export const GRID_COLUMNS = 64;
/** Grey levels (of 255) a cell's mean must move to count as changed: above a webcam's frame-to-frame noise in such cells. */
export const CHANGE_THRESHOLD = 12;

export interface GreyGrid {
  columns: number;
  rows: number;
  /** Mean grey level (Rec. 601 luma) of each cell, row by row. */
  cells: Uint8Array;
}

type Box = FaceObservation['box'];

/** The frame as a grid of grey levels. */
export function greyGrid(frame: { width: number; height: number; rgba: Uint8Array }, columns = GRID_COLUMNS): GreyGrid {
  const { width, height, rgba } = frame;
  const rows = Math.max(1, Math.round((columns * height) / width));
  const sums = new Float64Array(columns * rows);
  const counts = new Uint32Array(columns * rows);
  for (let y = 0; y < height; y++) {
    const row = Math.min(rows - 1, Math.floor((y * rows) / height)) * columns;
    for (let x = 0; x < width; x++) {
      const cell = row + Math.min(columns - 1, Math.floor((x * columns) / width));
      const i = (y * width + x) * 4;
      sums[cell]! += 0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!;
      counts[cell]!++;
    }
  }
  const cells = new Uint8Array(columns * rows);
  for (let c = 0; c < cells.length; c++) cells[c] = Math.round(sums[c]! / Math.max(1, counts[c]!));
  return { columns, rows, cells };
}

/** 1 where the grey level moved by more than the threshold since `previous`; null for a first frame (or another size). */
export function changedCells(previous: GreyGrid | null, current: GreyGrid, threshold = CHANGE_THRESHOLD): Uint8Array | null {
  if (!previous || previous.columns !== current.columns || previous.rows !== current.rows) return null;
  const changed = new Uint8Array(current.cells.length);
  for (let c = 0; c < changed.length; c++) changed[c] = Math.abs(current.cells[c]! - previous.cells[c]!) > threshold ? 1 : 0;
  return changed;
}

/**
 * A seated person's upper body from their face: 1.5 face-widths either side of the face's centre, from
 * a quarter face-height above it to 4 face-heights below its top (shoulders, arms, hands in the lap),
 * kept inside the frame and, towards each other face, stopping halfway to it.
 */
export function upperBodyRegion(face: Box, others: readonly Box[]): Box {
  const cx = face.x + face.w / 2;
  let left = Math.max(0, cx - 1.5 * face.w);
  let right = Math.min(1, cx + 1.5 * face.w);
  for (const other of others) {
    const ox = other.x + other.w / 2;
    if (ox > cx) right = Math.min(right, (cx + ox) / 2);
    else if (ox < cx) left = Math.max(left, (cx + ox) / 2);
  }
  const top = Math.max(0, face.y - 0.25 * face.h);
  const bottom = Math.min(1, face.y + 4 * face.h);
  return { x: left, y: top, w: Math.max(0, right - left), h: Math.max(0, bottom - top) };
}

/** The share of the region's cells that changed; null when the region covers no cell. */
export function shareChanged(changed: Uint8Array, grid: Pick<GreyGrid, 'columns' | 'rows'>, region: Box): number | null {
  const c0 = Math.max(0, Math.floor(region.x * grid.columns));
  const c1 = Math.min(grid.columns, Math.ceil((region.x + region.w) * grid.columns));
  const r0 = Math.max(0, Math.floor(region.y * grid.rows));
  const r1 = Math.min(grid.rows, Math.ceil((region.y + region.h) * grid.rows));
  let cells = 0;
  let moved = 0;
  for (let r = r0; r < r1; r++) {
    for (let c = c0; c < c1; c++) {
      cells++;
      moved += changed[r * grid.columns + c]!;
    }
  }
  return cells === 0 ? null : moved / cells;
}

/**
 * Region motion for each tracked person at every analysed frame, built as frames come in order: the
 * `regionMotion` series of their face track (null where their face, and so their region, was not found).
 */
export class RegionMotionRecorder {
  private frames = 0;
  private readonly series = new Map<string, Series>();

  /** One analysed frame: what changed since the previous one (null for the first) and the people found in it. */
  push(changed: Uint8Array | null, grid: Pick<GreyGrid, 'columns' | 'rows'>, people: readonly { personId: string; face: FaceObservation }[]): void {
    for (const { personId, face } of people) {
      let values = this.series.get(personId);
      if (!values) this.series.set(personId, (values = new Array<number | null>(this.frames).fill(null)));
      const others = people.filter((p) => p.face !== face).map((p) => p.face.box);
      const share = changed ? shareChanged(changed, grid, upperBodyRegion(face.box, others)) : null;
      values.push(share === null ? null : Math.round(share * 1e4) / 1e4);
    }
    this.frames++;
    for (const values of this.series.values()) if (values.length < this.frames) values.push(null);
  }

  /** The person's series, one value per analysed frame. */
  of(personId: string): Series {
    const values = this.series.get(personId) ?? [];
    return [...values, ...new Array<number | null>(this.frames - values.length).fill(null)];
  }
}
