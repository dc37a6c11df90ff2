import assert from 'node:assert/strict';
import { test } from 'vitest';
import type { FaceTrack } from '../../lib/analysis/types.ts';
import { BLENDSHAPE_NAMES } from '../../lib/vision/blendshapes.ts';
import { faceSignals } from '../../lib/signals/face-signals.ts';

/** Three frames at 5 Hz; the face is missing in the last one. */
function track(overrides: Record<string, (number | null)[]>): FaceTrack {
  const blendshapes: Record<string, (number | null)[]> = {};
  for (const name of BLENDSHAPE_NAMES) blendshapes[name] = overrides[name] ?? [0, 0, null];
  return {
    personId: 'p1',
    t: [0, 0.2, 0.4],
    headYawDeg: [0, 3, null],
    headPitchDeg: [0, 4, null],
    headRollDeg: [0, 0, null],
    blendshapes,
    presence: [1, 1, 0],
  };
}

function signal(face: FaceTrack, key: string): (number | null)[] {
  return faceSignals(face).find((s) => s.key === key)!.values;
}

test('smile is the mean of both mouth corners, absent when the face is missing', () => {
  const face = track({ mouthSmileLeft: [0.2, 0.8, null], mouthSmileRight: [0.4, 0.6, null] });
  const smile = signal(face, 'smile');
  assert.ok(Math.abs(smile[0]! - 0.3) < 1e-12 && Math.abs(smile[1]! - 0.7) < 1e-12);
  assert.equal(smile[2], null);
});

test('gaze away is the larger of looking down/up and looking to the side', () => {
  const face = track({
    eyeLookOutLeft: [0.6, 0, null],
    eyeLookInRight: [0.4, 0, null],
    eyeLookDownLeft: [0.1, 0.9, null],
    eyeLookDownRight: [0.1, 0.7, null],
  });
  const gaze = signal(face, 'gazeAway');
  assert.ok(Math.abs(gaze[0]! - 0.5) < 1e-12); // sideways: (0.6 + 0.4) / 2 − 0
  assert.ok(Math.abs(gaze[1]! - 0.8) < 1e-12); // down: (0.9 + 0.7) / 2 − 0
  assert.equal(gaze[2], null);
});

test('head movement is angular speed between frames where the face was found', () => {
  const movement = signal(track({}), 'headMovement');
  assert.equal(movement[0], null);
  assert.ok(Math.abs(movement[1]! - 25) < 1e-9); // 5 degrees in 0.2 s
  assert.equal(movement[2], null);
});

test('a face lost for more than a second and found again is not counted as movement', () => {
  const face = { ...track({}), t: [0, 1.5, 1.7] };
  assert.equal(signal(face, 'headMovement')[1], null);
});

test('every face row explains how it is made', () => {
  for (const s of faceSignals(track({}))) {
    assert.ok(s.how.length > 20, s.key);
    assert.equal(s.values.length, 3);
  }
});
