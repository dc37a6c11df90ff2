/**
 * How much each face's mouth moves, per half-second bin: the summed speed of the mouth blendshapes.
 * Talking moves the jaw and lips several times a second; listening, smiling or nodding moves them far
 * less, so this is the visual half of "who is speaking" (speaker-attribution.ts).
 */
import type { FaceTrack, Series } from '../analysis/types.ts';
import { isValue } from '../fusion/robust.ts';

/** The blendshapes that move when a person articulates (jaw, lip opening, rounding, stretching). */
export const MOUTH_BLENDSHAPES = [
  'jawOpen',
  'mouthClose',
  'mouthFunnel',
  'mouthPucker',
  'mouthLowerDownLeft',
  'mouthLowerDownRight',
  'mouthUpperUpLeft',
  'mouthUpperUpRight',
  'mouthStretchLeft',
  'mouthStretchRight',
] as const;

/** Steps between samples longer than this (a face lost for a while) say nothing about movement. */
const MAX_STEP_SEC = 0.6;

/**
 * Per bin of `binSec`, how much the mouth opens and closes: for each mouth blendshape, its total movement
 * over the bin widened by half a bin each side (at five frames a second a bin alone holds two or three
 * samples) minus its net change, summed over the shapes, per second. Talking goes back and forth
 * several times a second; a smile, a frown or a turn of the head moves the mouth one way, which the net
 * change takes out again. Null where the face was not seen.
 */
export function mouthActivity(track: FaceTrack, binSec: number, binCount: number): Series {
  const shapes = MOUTH_BLENDSHAPES.map((name) => track.blendshapes[name]).filter((s): s is Series => s !== undefined);
  const total = new Float64Array(binCount * shapes.length);
  const net = new Float64Array(binCount * shapes.length);
  const seconds = new Float64Array(binCount);
  for (let i = 1; i < track.t.length; i++) {
    const dt = track.t[i]! - track.t[i - 1]!;
    if (!(dt > 0 && dt <= MAX_STEP_SEC) || track.presence[i] !== 1 || track.presence[i - 1] !== 1) continue;
    const mid = (track.t[i]! + track.t[i - 1]!) / 2;
    const first = Math.max(0, Math.floor((mid - binSec / 2) / binSec));
    const last = Math.min(binCount - 1, Math.floor((mid + binSec / 2) / binSec));
    for (let k = first; k <= last; k++) seconds[k]! += dt;
    shapes.forEach((series, s) => {
      const a = series[i - 1];
      const b = series[i];
      if (!isValue(a) || !isValue(b)) return;
      for (let k = first; k <= last; k++) {
        total[k * shapes.length + s]! += Math.abs(b - a);
        net[k * shapes.length + s]! += b - a;
      }
    });
  }
  return Array.from(seconds, (sec, k) => {
    if (sec <= 0) return null;
    let backAndForth = 0;
    for (let s = 0; s < shapes.length; s++) backAndForth += total[k * shapes.length + s]! - Math.abs(net[k * shapes.length + s]!);
    return backAndForth / sec;
  });
}
