import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { bodyCropForFace, bodyFitsFace, cropToFrame } from '../../lib/body/body-crop.ts';

describe('body crop around a face', () => {
  it('is square in pixels, five face-heights a side, centred on the face and starting above it', () => {
    // A 100 × 100 px face at (300, 100) in a 640 × 480 frame.
    const crop = bodyCropForFace({ x: 300 / 640, y: 100 / 480, w: 100 / 640, h: 100 / 480 }, 640, 480);
    assert.ok(Math.abs(crop.w * 640 - 500) < 1e-9 && Math.abs(crop.h * 480 - 500) < 1e-9);
    assert.ok(Math.abs((crop.x + crop.w / 2) * 640 - 350) < 1e-9, 'centred on the face');
    assert.ok(Math.abs(crop.y * 480 - 40) < 1e-9, '0.6 face-heights above the face');
  });

  it('maps a point inside the crop back to the frame', () => {
    const crop = { x: 0.2, y: -0.1, w: 0.5, h: 0.8 };
    assert.deepEqual(cropToFrame(crop, 0, 0), { x: 0.2, y: -0.1 });
    const centre = cropToFrame(crop, 0.5, 0.5);
    assert.ok(Math.abs(centre.x - 0.45) < 1e-12 && Math.abs(centre.y - 0.3) < 1e-12);
  });
});

describe('whether a body found for a face is that face’s body', () => {
  const face = { x: 0.4, y: 0.2, w: 0.2, h: 0.3 };
  const body = (points: Partial<Record<'nose' | 'leftEye' | 'rightEye' | 'leftShoulder' | 'rightShoulder', [number, number, number]>>): number[] => {
    const flat = new Array<number>(17 * 3).fill(0);
    const index = { nose: 0, leftEye: 1, rightEye: 2, leftShoulder: 5, rightShoulder: 6 };
    for (const [name, [x, y, score]] of Object.entries(points)) flat.splice(index[name as keyof typeof index] * 3, 3, x, y, score);
    return flat;
  };

  it('accepts a head on the face with shoulders below it', () => {
    assert.equal(bodyFitsFace(body({ nose: [0.5, 0.35, 0.6], leftShoulder: [0.65, 0.6, 0.5], rightShoulder: [0.35, 0.6, 0.5] }), face), true);
  });
  it('accepts a head on the face whose shoulders are not seen (out of frame)', () => {
    assert.equal(bodyFitsFace(body({ nose: [0.5, 0.35, 0.6], leftEye: [0.55, 0.3, 0.4] }), face), true);
  });
  it('rejects someone else’s head', () => {
    assert.equal(bodyFitsFace(body({ nose: [0.15, 0.2, 0.8], leftShoulder: [0.2, 0.4, 0.7], rightShoulder: [0.1, 0.4, 0.7] }), face), false);
  });
  it('rejects a body with no confident head point', () => {
    assert.equal(bodyFitsFace(body({ nose: [0.5, 0.35, 0.1], leftShoulder: [0.65, 0.6, 0.5], rightShoulder: [0.35, 0.6, 0.5] }), face), false);
  });
  it('rejects this face’s eyes on someone else’s shoulders (above the face, to one side)', () => {
    assert.equal(bodyFitsFace(body({ leftEye: [0.52, 0.3, 0.35], rightEye: [0.47, 0.3, 0.35], leftShoulder: [0.2, 0.25, 0.6], rightShoulder: [0.05, 0.25, 0.6] }), face), false);
  });
  it('rejects a body with one shoulder of its own and one of someone standing behind', () => {
    assert.equal(bodyFitsFace(body({ nose: [0.5, 0.35, 0.6], leftShoulder: [0.65, 0.6, 0.4], rightShoulder: [0.3, 0.2, 0.7] }), face), false);
  });
});
