/**
 * The face rows of the timeline, derived from the 52 blendshapes and the head angles of a
 * FaceTrack. Each row carries a plain-language `how` that the UI shows as its tooltip, so a
 * clinician can see exactly what a line is made of.
 */
import type { FaceTrack, Series } from '../analysis/types.ts';
import type { DerivedSignal } from './signal.ts';

/** Mean of the named blendshapes per frame; null when the face was not found (any input absent). */
function meanOf(track: FaceTrack, names: readonly string[]): Series {
  const columns = names.map((name) => track.blendshapes[name]);
  return track.t.map((_, i) => {
    let sum = 0;
    for (const column of columns) {
      const v = column?.[i];
      if (v === null || v === undefined) return null;
      sum += v;
    }
    return sum / columns.length;
  });
}

/** Difference of two per-frame series; null where either is absent. */
function minus(a: Series, b: Series): Series {
  return a.map((v, i) => (v === null || b[i] === null || b[i] === undefined ? null : v - b[i]!));
}

/**
 * How far the eyes look away from straight ahead, whichever way: the larger of the vertical
 * (down − up) and sideways (one eye out and the other in, minus the reverse) eye-direction
 * differences — the same two gaze cues the marker detection uses (lib/fusion/face-cues.ts).
 */
function gazeAway(track: FaceTrack): Series {
  const vertical = minus(meanOf(track, ['eyeLookDownLeft', 'eyeLookDownRight']), meanOf(track, ['eyeLookUpLeft', 'eyeLookUpRight']));
  const sideways = minus(meanOf(track, ['eyeLookOutLeft', 'eyeLookInRight']), meanOf(track, ['eyeLookInLeft', 'eyeLookOutRight']));
  return vertical.map((v, i) => (v === null || sideways[i] === null ? null : Math.max(Math.abs(v), Math.abs(sideways[i]!))));
}

/** A face lost and found again more than this far apart is not movement (as in the marker detection). */
const MAX_MOVEMENT_GAP_SEC = 1;

/** Angular speed of the head, degrees per second, between consecutive frames where the face was found. */
export function headMovement(track: FaceTrack): Series {
  const { t, headYawDeg: yaw, headPitchDeg: pitch, headRollDeg: roll } = track;
  return t.map((ti, i) => {
    if (i === 0) return null;
    const dt = ti - t[i - 1]!;
    const now = [yaw[i], pitch[i], roll[i]];
    const before = [yaw[i - 1], pitch[i - 1], roll[i - 1]];
    if (!(dt > 0 && dt <= MAX_MOVEMENT_GAP_SEC) || [...now, ...before].some((v) => v === null || v === undefined)) return null;
    const squared = now.reduce<number>((sum, v, k) => sum + (v! - before[k]!) ** 2, 0);
    return Math.sqrt(squared) / dt;
  });
}

export function faceSignals(track: FaceTrack): DerivedSignal[] {
  const score: [number, number] = [0, 1];
  return [
    {
      key: 'smile',
      label: 'Smile',
      how: 'Average of the left and right mouth-corner smile scores (0 = none, 100 = strongest).',
      unit: '',
      t: track.t,
      values: meanOf(track, ['mouthSmileLeft', 'mouthSmileRight']),
      range: score,
      draw: 'line',
    },
    {
      key: 'browLower',
      label: 'Brow lowering',
      how: 'Average of the left and right "brow down" scores — the frown of concentration or distress.',
      unit: '',
      t: track.t,
      values: meanOf(track, ['browDownLeft', 'browDownRight']),
      range: score,
      draw: 'line',
    },
    {
      key: 'browRaise',
      label: 'Brow raise',
      how: 'Average of the inner-brow and both outer-brow raise scores.',
      unit: '',
      t: track.t,
      values: meanOf(track, ['browInnerUp', 'browOuterUpLeft', 'browOuterUpRight']),
      range: score,
      draw: 'line',
    },
    {
      key: 'gazeAway',
      label: 'Gaze away',
      how: 'How far the eyes look away from straight ahead — up, down or to the side, whichever is larger — from the eye-direction scores (0–100). Turning the whole head shows under Head movement.',
      unit: '',
      t: track.t,
      values: gazeAway(track),
      range: score,
      draw: 'line',
    },
    {
      key: 'headMovement',
      label: 'Head movement',
      how: 'How fast the head is turning, nodding or tilting, in degrees per second, from the change in head angles between video frames.',
      unit: '°/s',
      t: track.t,
      values: headMovement(track),
      range: null,
      draw: 'line',
    },
  ];
}
