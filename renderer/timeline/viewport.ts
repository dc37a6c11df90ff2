/**
 * The visible window of the timeline and the mapping between media time and canvas pixels.
 * Every track and the marker lane share one Viewport, so a pixel column means the same
 * instant on every row.
 */

export interface Viewport {
  /** Media time at the left edge of the tracks, in seconds. */
  readonly startSec: number;
  /** Media time at the right edge of the tracks, in seconds. */
  readonly endSec: number;
}

/** The closest zoom: about five seconds around the playhead, enough to see a single expression change. */
export const MIN_SPAN_SEC = 5;
/** Each zoom step halves or doubles the visible span. */
export const ZOOM_FACTOR = 2;

export function spanOf(view: Viewport): number {
  return view.endSec - view.startSec;
}

export function timeToPx(view: Viewport, widthPx: number, tSec: number): number {
  return ((tSec - view.startSec) / spanOf(view)) * widthPx;
}

export function pxToTime(view: Viewport, widthPx: number, px: number): number {
  return view.startSec + (px / widthPx) * spanOf(view);
}

/** The whole session in view. Sessions shorter than the minimum span still get a valid window. */
export function wholeSession(durationSec: number): Viewport {
  return { startSec: 0, endSec: Math.max(durationSec, Number.EPSILON) };
}

/** A window of `spanSec` placed so `anchorSec` stays at `anchorFraction` of the width, kept inside the session. */
function placeWindow(durationSec: number, spanSec: number, anchorSec: number, anchorFraction: number): Viewport {
  const span = Math.min(Math.max(spanSec, Math.min(MIN_SPAN_SEC, durationSec)), durationSec);
  const start = Math.min(Math.max(anchorSec - span * anchorFraction, 0), durationSec - span);
  return { startSec: start, endSec: start + span };
}

/**
 * Zooms by `factor` (>1 zooms in) around the playhead. If the playhead is on screen it keeps its
 * pixel position, so the clinician's eye does not have to hunt for it; otherwise it is centred.
 */
export function zoomAround(view: Viewport, durationSec: number, playheadSec: number, factor: number): Viewport {
  const visible = playheadSec >= view.startSec && playheadSec <= view.endSec;
  const fraction = visible ? (playheadSec - view.startSec) / spanOf(view) : 0.5;
  return placeWindow(durationSec, spanOf(view) / factor, playheadSec, fraction);
}

export function canZoomIn(view: Viewport, durationSec: number): boolean {
  return spanOf(view) > Math.min(MIN_SPAN_SEC, durationSec) + 1e-9;
}

export function canZoomOut(view: Viewport, durationSec: number): boolean {
  return spanOf(view) < durationSec - 1e-9;
}

/**
 * Keeps the playhead visible during playback and seeking: when it leaves the window the view
 * pages forward (or back) so the playhead lands near the left (or right) edge — a page turn
 * rather than continuous scrolling, which is easier to read while the video plays.
 */
export function followPlayhead(view: Viewport, durationSec: number, playheadSec: number): Viewport {
  if (playheadSec >= view.startSec && playheadSec <= view.endSec) return view;
  const span = spanOf(view);
  const fraction = playheadSec > view.endSec ? 0.1 : 0.9;
  return placeWindow(durationSec, span, playheadSec, fraction);
}

/** Tick spacing for the time ruler: the smallest "nice" step that keeps labels at least `minPx` apart. */
export function tickStepSec(view: Viewport, widthPx: number, minPx = 80): number {
  const steps = [0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];
  const secPerPx = spanOf(view) / widthPx;
  return steps.find((step) => step / secPerPx >= minPx) ?? 7200;
}
