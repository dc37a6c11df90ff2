/**
 * The body rows of the timeline, from a BodyTrack (5/3 body frames a second): how much the upper
 * body moves, where a hand is at the face, neck or arm, and how high the head sits above the shoulders.
 * docs/markers.md "Body" defines each.
 */
import type { BodyTrack, FaceTrack } from '../analysis/types.ts';
import { touchAt } from '../body/touch-runs.ts';
import type { DerivedSignal } from './signal.ts';

export function bodySignals(track: BodyTrack): DerivedSignal[] {
  return [
    {
      key: 'bodyMovement',
      label: 'Body movement',
      how: 'How fast the upper body moves — nose, shoulders, elbows and wrists — in face-heights per second, from the body keypoints found 5/3 times a second.',
      unit: 'face-heights/s',
      t: track.t,
      values: track.motionEnergy,
      range: null,
      draw: 'line',
    },
    {
      key: 'selfTouch',
      label: 'Self-touch',
      how: 'Self-touch: shaded where a hand is seen at the face, the neck or the other upper arm. A frame with no hand in view counts as no touch.',
      unit: '',
      t: track.t,
      values: track.t.map((_, i) => touchAt(track, i)),
      range: [0, 1],
      draw: 'band',
    },
    {
      key: 'headAboveShoulders',
      label: 'Head above shoulders',
      how: 'How high the nose sits above the shoulder line, in face-heights: lower when the shoulders rise toward the ears or the head drops.',
      unit: 'face-heights',
      t: track.t,
      values: track.noseAboveShoulders,
      range: null,
      draw: 'line',
    },
  ];
}

/**
 * Movement in the person's region of the picture (Motion Energy Analysis, lib/body/region-motion.ts), at
 * every analysed frame; null for a face track made before it was measured.
 */
export function pictureMovementSignal(face: FaceTrack): DerivedSignal | null {
  if (!face.regionMotion) return null;
  return {
    key: 'pictureMovement',
    label: 'Movement in the picture',
    how: 'How much of the person’s upper-body region of the picture changed since the previous analysed frame (0 = still, 100 = all of it), from the picture alone, 5 times a second (Motion Energy Analysis). A moving camera or a change of light moves it too.',
    unit: '% of region',
    t: face.t,
    values: face.regionMotion.map((v) => (v === null ? null : Math.round(v * 1000) / 10)),
    range: null,
    draw: 'line',
  };
}
