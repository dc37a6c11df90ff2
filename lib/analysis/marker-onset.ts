import type { Marker } from './types.ts';

/** When a marker's change began: a shift's change point (changeSec), else where the marker starts. */
export function markerOnset(marker: Marker): number {
  return marker.changeSec ?? marker.startSec;
}
