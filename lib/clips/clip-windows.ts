/**
 * Which stretch of the recording a marker's clip shows: the marker with a few seconds either side, so a
 * supervisor sees what came before the change and what followed — never more than a short clip, so a
 * package never carries a long stretch of the session.
 */
import type { Marker } from '../analysis/types.ts';

/** Seconds shown before a marker's start and after its end. */
export const CLIP_CONTEXT_SEC = 4;
/** The longest clip; a longer marker is shown around its moment of change (or its middle). */
export const CLIP_MAX_SEC = 40;
/** The most clips one package carries. */
export const CLIPS_MAX = 30;

export interface ClipWindow {
  markerId: string;
  startSec: number;
  endSec: number;
}

export function clipWindow(marker: Marker, durationSec: number): ClipWindow {
  let startSec = Math.max(0, marker.startSec - CLIP_CONTEXT_SEC);
  let endSec = Math.min(durationSec, marker.endSec + CLIP_CONTEXT_SEC);
  if (endSec - startSec > CLIP_MAX_SEC) {
    const centre = marker.changeSec ?? (marker.startSec + marker.endSec) / 2;
    startSec = Math.max(0, centre - CLIP_MAX_SEC / 2);
    endSec = Math.min(durationSec, startSec + CLIP_MAX_SEC);
    startSec = Math.max(0, endSec - CLIP_MAX_SEC);
  }
  const round = (t: number) => Math.round(t * 1000) / 1000;
  return { markerId: marker.id, startSec: round(startSec), endSec: round(endSec) };
}

/**
 * The markers a package's clips are of: the ids asked for (each must exist), or every marker. Returns
 * a sentence instead when the choice cannot be honoured.
 */
export function chooseClipMarkers(markers: readonly Marker[], ids: readonly string[] | null): Marker[] | string {
  if (ids !== null) {
    const unknown = ids.filter((id) => !markers.some((m) => m.id === id));
    if (unknown.length > 0) return `The analysis has no marker ${unknown.join(', ')}; its markers are ${markers.map((m) => m.id).join(', ') || 'none'}.`;
  }
  const chosen = ids === null ? [...markers] : markers.filter((m) => ids.includes(m.id));
  if (chosen.length === 0) return 'There are no markers to make clips of.';
  if (chosen.length > CLIPS_MAX) return `A package carries at most ${CLIPS_MAX} clips and ${chosen.length} markers were chosen; choose the ones to show with --markers.`;
  return chosen;
}

/** The entry a clip has in a package (ids are the analysis's marker ids: letters, digits, - and _). */
export const clipEntryName = (markerId: string): string => `clips/${markerId.replace(/[^A-Za-z0-9_-]/g, '_')}.mp4`;
