import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { BLENDSHAPE_NAMES } from '../../lib/vision/blendshapes.ts';
import { blendshapeVector, faceBox, toFaceObservation } from '../../lib/vision/face-observation.ts';

const IDENTITY = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, -40, 1];

describe('faceBox', () => {
  it('is the bounding box of the landmarks', () => {
    const box = faceBox([{ x: 0.4, y: 0.3 }, { x: 0.6, y: 0.2 }, { x: 0.5, y: 0.7 }]);
    assert.ok(Math.abs(box.x - 0.4) < 1e-12 && Math.abs(box.y - 0.2) < 1e-12);
    assert.ok(Math.abs(box.w - 0.2) < 1e-12 && Math.abs(box.h - 0.5) < 1e-12);
  });

  it('is clipped to the frame when the face runs off its edge', () => {
    assert.deepEqual(faceBox([{ x: -0.1, y: 0.5 }, { x: 0.2, y: 1.2 }]), { x: 0, y: 0.5, w: 0.2, h: 0.5 });
  });

  it('needs at least one landmark', () => {
    assert.throws(() => faceBox([]), /at least one landmark/);
  });
});

describe('blendshapeVector', () => {
  it('puts scores in BLENDSHAPE_NAMES order whatever order the model lists them in', () => {
    const categories = BLENDSHAPE_NAMES.map((categoryName, i) => ({ categoryName, score: i / 100 })).reverse();
    assert.deepEqual(blendshapeVector(categories), BLENDSHAPE_NAMES.map((_, i) => i / 100));
  });

  it('names the categories the model did not score', () => {
    const categories = BLENDSHAPE_NAMES.filter((n) => n !== 'mouthSmileLeft' && n !== 'jawOpen').map((categoryName) => ({ categoryName, score: 0.5 }));
    assert.throws(() => blendshapeVector(categories), /jawOpen, mouthSmileLeft/);
  });
});

describe('toFaceObservation', () => {
  it('combines box, head angles and blendshapes', () => {
    const categories = BLENDSHAPE_NAMES.map((categoryName) => ({ categoryName, score: categoryName === 'mouthSmileRight' ? 0.9 : 0 }));
    const face = toFaceObservation([{ x: 0.1, y: 0.1 }, { x: 0.3, y: 0.4 }], categories, IDENTITY);
    assert.equal(face.blendshapes.length, 52);
    assert.equal(face.blendshapes[BLENDSHAPE_NAMES.indexOf('mouthSmileRight')], 0.9);
    assert.equal(Math.abs(face.yawDeg) + Math.abs(face.pitchDeg) + Math.abs(face.rollDeg), 0);
    assert.ok(Math.abs(face.box.w - 0.2) < 1e-12);
  });
});
