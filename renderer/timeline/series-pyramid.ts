/**
 * Min/max envelopes of a columnar series for drawing. A 60-minute session has ~360,000 voice
 * points per signal; drawing each one on every frame would stall playback. So a pyramid of
 * min/max pairs is built once (level k summarises 2^k consecutive samples), and each redraw
 * reads the coarsest level that is still finer than one pixel column: at most a few entries
 * per column, whatever the zoom.
 */
import { lowerBound } from '../../lib/maths/lower-bound.ts';
import type { Viewport } from './viewport.ts';

/** Signal absent (no face found, unvoiced frame): drawn as a gap, never as 0. */
type Sample = number | null;

export interface SeriesPyramid {
  /** Sample times in seconds, ascending (the track's own `t` array, not copied). */
  readonly t: ArrayLike<number>;
  /** levels[0] holds the samples; levels[k] the min/max of 2^k samples. NaN = all samples absent. */
  readonly levels: readonly { readonly min: Float32Array; readonly max: Float32Array }[];
}

/**
 * One drawable column. `x` is the pixel position of the column's first sample; it can lie just
 * outside the canvas for the samples either side of the window, so lines run to the edges.
 */
export interface Envelope {
  readonly x: Float32Array;
  /** NaN where the signal is absent throughout the column (a gap). */
  readonly min: Float32Array;
  readonly max: Float32Array;
  readonly length: number;
}

export function buildPyramid(t: ArrayLike<number>, values: ArrayLike<Sample>): SeriesPyramid {
  if (t.length !== values.length) throw new RangeError(`series has ${values.length} values for ${t.length} times`);
  const base = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    base[i] = v === null || v === undefined ? Number.NaN : v;
  }
  const levels = [{ min: base, max: base }];
  for (let prev = levels[0]!; prev.min.length > 1; ) {
    const n = Math.ceil(prev.min.length / 2);
    const min = new Float32Array(n);
    const max = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const a = 2 * i;
      const b = Math.min(a + 1, prev.min.length - 1);
      min[i] = nanMin(prev.min[a]!, prev.min[b]!);
      max[i] = nanMax(prev.max[a]!, prev.max[b]!);
    }
    prev = { min, max };
    levels.push(prev);
  }
  return { t, levels };
}

/** Like Math.min, but an absent (NaN) side does not swallow a present one. */
function nanMin(a: number, b: number): number {
  return Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.min(a, b);
}

function nanMax(a: number, b: number): number {
  return Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.max(a, b);
}

/**
 * The envelope of the samples in `view`, one min/max pair per pixel column of `widthPx`
 * (fewer when zoomed in past the sample rate: then each sample is its own entry).
 * One sample either side of the window is included so the line continues off-canvas.
 */
export function envelope(pyramid: SeriesPyramid, view: Viewport, widthPx: number): Envelope {
  const { t, levels } = pyramid;
  const empty = { x: new Float32Array(0), min: new Float32Array(0), max: new Float32Array(0), length: 0 };
  const secPerPx = (view.endSec - view.startSec) / widthPx;
  if (t.length === 0 || widthPx <= 0 || !(secPerPx > 0)) return empty;

  const first = Math.max(lowerBound(t, view.startSec) - 1, 0);
  const last = Math.min(lowerBound(t, view.endSec), t.length - 1);
  if (last < first) return empty;
  // The coarsest level whose bins hold no more samples than one pixel column does.
  const perPx = (last - first + 1) / widthPx;
  const level = Math.min(Math.max(Math.floor(Math.log2(Math.max(perPx, 1))), 0), levels.length - 1);
  const { min, max } = levels[level]!;

  const capacity = (last >> level) - (first >> level) + 1;
  const xs = new Float32Array(capacity);
  const mins = new Float32Array(capacity);
  const maxs = new Float32Array(capacity);
  let n = 0;
  let column = Number.NaN;
  for (let bin = first >> level; bin <= last >> level; bin++) {
    // A bin belongs to the column of its first sample; bins are narrower than a column, so
    // the error is below one pixel.
    const px = (t[bin << level]! - view.startSec) / secPerPx;
    const binColumn = Math.floor(px);
    if (binColumn === column) {
      mins[n - 1] = nanMin(mins[n - 1]!, min[bin]!);
      maxs[n - 1] = nanMax(maxs[n - 1]!, max[bin]!);
    } else {
      column = binColumn;
      xs[n] = px;
      mins[n] = min[bin]!;
      maxs[n] = max[bin]!;
      n++;
    }
  }
  return { x: xs.subarray(0, n), min: mins.subarray(0, n), max: maxs.subarray(0, n), length: n };
}

/**
 * A robust value range for the y axis (the `lowFraction`..`highFraction` quantiles of present
 * samples), so one spike or tracking glitch does not flatten the whole track. The two ends are equal
 * for a constant signal; the caller decides how much room that gets.
 */
export function valueRange(values: ArrayLike<Sample>, lowFraction = 0.01, highFraction = 0.99): [number, number] | null {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && v !== undefined && Number.isFinite(v)) present.push(v);
  }
  if (present.length === 0) return null;
  const sorted = Float64Array.from(present).sort();
  const at = (f: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(f * (sorted.length - 1))))]!;
  return [at(lowFraction), at(highFraction)];
}
