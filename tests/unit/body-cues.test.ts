/**
 * The body cues' geometry on hand-placed keypoints (the real-recording checks are in
 * tests/integration/body-track.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { KEYPOINT_INDEX, type KeypointName } from '../../lib/body/keypoints.ts';
import { fidgeting, motionEnergy } from '../../lib/body/movement.ts';
import { posture, type Point } from '../../lib/body/posture.ts';
import { handsTouching, type Hands } from '../../lib/body/self-touch.ts';

/** A seated person facing the camera, in frame-height units: face 0.2 high, shoulders 0.5 apart. */
const FACE = { x: 0.9, y: 0.2, w: 0.2, h: 0.2 };
/** A 16:9 picture, 1.78 frame-heights wide. */
const FRAME = { width: 16 / 9 };
const SEATED: Partial<Record<KeypointName, [number, number]>> = {
  nose: [1.0, 0.32],
  leftShoulder: [1.25, 0.6],
  rightShoulder: [0.75, 0.6],
  leftElbow: [1.35, 0.8],
  rightElbow: [0.65, 0.8],
  leftWrist: [1.15, 0.9],
  rightWrist: [0.85, 0.9],
};

function body(overrides: Partial<Record<KeypointName, [number, number, number?]>> = {}): Point[] {
  const points: Point[] = Array.from({ length: 13 }, () => ({ x: 0, y: 0, score: 0 }));
  for (const [name, [x, y, score]] of Object.entries({ ...SEATED, ...overrides })) points[KEYPOINT_INDEX[name as KeypointName]] = { x, y, score: score ?? 0.8 };
  return points;
}

describe('posture', () => {
  it('reads level shoulders, the nose 1.4 face-heights above them and shoulders 2.5 face-heights wide', () => {
    assert.deepEqual(posture(body(), FACE), { shoulderTiltDeg: 0, noseAboveShoulders: 1.4, shoulderWidth: 2.5 });
  });
  it('tilts positive when the person’s left shoulder drops, and the same seen from behind', () => {
    const dropped = posture(body({ leftShoulder: [1.25, 0.65] }), FACE).shoulderTiltDeg!;
    assert.ok(Math.abs(dropped - (Math.atan2(0.05, 0.5) * 180) / Math.PI) < 0.01, `${dropped}`);
    const behind = posture(body({ leftShoulder: [0.75, 0.65], rightShoulder: [1.25, 0.6] }), FACE).shoulderTiltDeg!;
    assert.equal(behind, dropped);
  });
  it('has raised shoulders closer to the nose, and a turned torso narrower', () => {
    assert.ok(posture(body({ leftShoulder: [1.25, 0.5], rightShoulder: [0.75, 0.5] }), FACE).noseAboveShoulders! < 1.4);
    assert.ok(posture(body({ leftShoulder: [1.15, 0.6], rightShoulder: [0.85, 0.6] }), FACE).shoulderWidth! < 2);
  });
  it('says nothing without both shoulders seen, and no nose height without the nose', () => {
    assert.deepEqual(posture(body({ leftShoulder: [1.25, 0.6, 0.1] }), FACE), { shoulderTiltDeg: null, noseAboveShoulders: null, shoulderWidth: null });
    assert.equal(posture(body({ nose: [1, 0.32, 0.1] }), FACE).noseAboveShoulders, null);
  });
});

describe('self-touch', () => {
  it('is 0 with the hands in the lap', () => {
    assert.equal(handsTouching(body(), FACE, FRAME).selfTouch, 0);
  });
  it('is 1 with a hand over the mouth, at the neck, or holding the other upper arm', () => {
    // The hand lies a third of the forearm past the wrist: a wrist at the chin puts the hand on the mouth.
    assert.equal(handsTouching(body({ rightElbow: [0.8, 0.7], rightWrist: [0.95, 0.45] }), FACE, FRAME).selfTouch, 1);
    assert.equal(handsTouching(body({ rightElbow: [0.85, 0.85], rightWrist: [0.97, 0.57] }), FACE, FRAME).selfTouch, 1);
    assert.equal(handsTouching(body({ rightElbow: [0.8, 0.9], rightWrist: [1.175, 0.769] }), FACE, FRAME).selfTouch, 1);
  });
  it('is 0 for a hand raised beside the head, away from it (a wave)', () => {
    assert.equal(handsTouching(body({ rightElbow: [0.45, 0.6], rightWrist: [0.4, 0.3] }), FACE, FRAME).selfTouch, 0);
  });
  it('does not count a wrist the model placed on the picture’s bottom edge (hands out of view)', () => {
    assert.equal(handsTouching(body({ leftWrist: [1.05, 0.98, 0.3], rightWrist: [0.95, 1.02, 0.3] }), { ...FACE, y: 0.5, h: 0.45 }, FRAME).selfTouch, null);
  });
  it('is null when no hand is seen, not a made-up 0', () => {
    assert.equal(handsTouching(body({ leftWrist: [1.15, 1.0, 0.05], rightWrist: [0.85, 1.0, 0.1] }), FACE, FRAME).selfTouch, null);
  });
});

describe('movement', () => {
  const times = [0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0];
  const heights = times.map(() => 0.2);

  it('measures motion energy in face-heights per second, and none across a gap or a missing body', () => {
    // Everything moves 0.02 frame-heights right per 0.2 s: 0.1 frame-heights/s = 0.5 face-heights/s.
    const frames = times.map((_, i) => body(Object.fromEntries(Object.entries(SEATED).map(([k, [x, y]]) => [k, [x + 0.02 * i, y]]))));
    const energy = motionEnergy(times, frames, heights);
    assert.equal(energy[0], null);
    for (const e of energy.slice(1)) assert.ok(Math.abs(e! - 0.5) < 1e-3, `${e}`);
    const gappy = motionEnergy([0, 0.2, 1.5], [frames[0]!, null, frames[2]!], [0.2, null, 0.2]);
    assert.deepEqual(gappy, [null, null, null]);
  });

  it('calls a hand going back and forth in a small range fidgeting, and a hand travelling away not', () => {
    const wiggle: Hands[] = times.map((_, i) => ({ left: null, right: { x: 0.9 + (i % 2) * 0.04, y: 1.0 } }));
    const reach: Hands[] = times.map((_, i) => ({ left: null, right: { x: 0.9 + i * 0.04, y: 1.0 } }));
    const [fidget, travel] = [fidgeting(times, wiggle, heights), fidgeting(times, reach, heights)];
    // 0.04 frame-heights = 0.2 face-heights every 0.2 s: 1 face-height per second.
    assert.ok(Math.abs(fidget[5]! - 1) < 1e-3, `${fidget[5]}`);
    assert.equal(travel[5], 0);
    assert.equal(fidgeting(times, times.map(() => ({ left: null, right: null })), heights)[5], null);
  });
});
