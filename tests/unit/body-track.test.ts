import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { BodyTracker, UPPER_BODY_KEYPOINTS } from '../../lib/body/body-track.ts';
import type { BodyObservation, FaceObservation } from '../../lib/vision/types.ts';

const face = (x: number): FaceObservation => ({ box: { x, y: 0.2, w: 0.1, h: 0.2 }, yawDeg: 0, pitchDeg: 0, rollDeg: 0, blendshapes: [] });
/** A seated body under a face at `x` (frame fractions of a 2:1 picture), every point confidently seen. */
function body(x: number): BodyObservation {
  const at: Record<string, [number, number]> = {
    nose: [x + 0.05, 0.3], leftEye: [x + 0.07, 0.27], rightEye: [x + 0.03, 0.27], leftEar: [x + 0.09, 0.3], rightEar: [x + 0.01, 0.3],
    leftShoulder: [x + 0.15, 0.55], rightShoulder: [x - 0.05, 0.55], leftElbow: [x + 0.2, 0.75], rightElbow: [x - 0.1, 0.75],
    leftWrist: [x + 0.12, 0.85], rightWrist: [x - 0.02, 0.85], leftHip: [x + 0.1, 0.9], rightHip: [x, 0.9],
    leftKnee: [0, 0], rightKnee: [0, 0], leftAnkle: [0, 0], rightAnkle: [0, 0],
  };
  return { face: 0, keypoints: Object.values(at).flatMap(([px, py]) => [px, py, 0.9]) };
}

describe('body tracker', () => {
  it('gives every face-tracked person a track in the face tracks’ order, with nulls where not seen', () => {
    const tracker = new BodyTracker(2);
    tracker.push(0, [{ personId: 'p2', face: face(0.6), body: body(0.6) }]);
    tracker.push(0.4, [{ personId: 'p2', face: face(0.6), body: null }]);
    tracker.push(0.8, [{ personId: 'p2', face: face(0.6), body: body(0.6) }, { personId: 'p1', face: face(0.2), body: body(0.2) }]);
    const tracks = tracker.tracks(['p1', 'p2', 'p3']);
    assert.deepEqual(tracks.map((t) => t.personId), ['p1', 'p2', 'p3']);
    for (const track of tracks) assert.deepEqual(track.t, [0, 0.4, 0.8]);
    assert.deepEqual(tracks.map((t) => t.presence), [[0, 0, 1], [1, 0, 1], [0, 0, 0]]);
    assert.deepEqual(Object.keys(tracks[0]!.keypoints), [...UPPER_BODY_KEYPOINTS]);
    assert.deepEqual(tracks[0]!.keypoints.nose, { x: [null, null, 0.25], y: [null, null, 0.3], score: [null, null, 0.9] });
    assert.deepEqual(tracks[2]!.shoulderWidth, [null, null, null]);
  });

  it('measures in true proportions: a 2:1 picture’s x is scaled before widths are taken', () => {
    const tracker = new BodyTracker(2);
    tracker.push(0, [{ personId: 'p1', face: face(0.2), body: body(0.2) }]);
    const [track] = tracker.tracks(['p1']);
    // Shoulders 0.2 of the width apart = 0.4 frame-heights; the face is 0.2 frame-heights high.
    assert.equal(track!.shoulderWidth[0], 2);
    assert.equal(track!.shoulderTiltDeg[0], 0);
    assert.equal(track!.noseAboveShoulders[0], 1.25);
    assert.equal(track!.selfTouch[0], 0);
  });
});
