import assert from 'node:assert/strict';
import { test } from 'vitest';
import { changedCells, greyGrid, RegionMotionRecorder, shareChanged, upperBodyRegion, GRID_COLUMNS } from '../../lib/body/region-motion.ts';
import type { FaceObservation } from '../../lib/vision/types.ts';
import { seededRandom } from '../../lib/maths/seeded-random.ts';

const W = 640;
const H = 360;

/** A grey frame with camera-like noise (±noise levels) and optional bright rectangles (x, y, w, h in pixels). */
function frame(random: () => number, noise: number, squares: [number, number, number, number][] = []) {
  const rgba = new Uint8Array(W * H * 4);
  for (let p = 0; p < W * H; p++) {
    const v = 100 + Math.round((random() * 2 - 1) * noise);
    rgba.set([v, v, v, 255], p * 4);
  }
  for (const [x0, y0, w, h] of squares) {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) rgba.set([230, 230, 230, 255], (y * W + x) * 4);
  }
  return { width: W, height: H, rgba };
}

const face = (x: number, y: number, w = 0.12, h = 0.2): FaceObservation => ({ box: { x, y, w, h }, yawDeg: 0, pitchDeg: 0, rollDeg: 0, blendshapes: [] });

test('the grid keeps the frame’s shape and its grey levels', () => {
  const grid = greyGrid(frame(seededRandom(1), 0));
  assert.deepEqual([grid.columns, grid.rows], [GRID_COLUMNS, 36]);
  assert.ok(grid.cells.every((v) => v === 100));
});

test('camera noise alone is no motion; a hand moving in one person’s region is theirs only', () => {
  const random = seededRandom(7);
  const left = face(0.2, 0.15);
  const right = face(0.68, 0.15);
  const grid0 = greyGrid(frame(random, 6, [[120, 250, 40, 40]]));
  const still = greyGrid(frame(random, 6, [[120, 250, 40, 40]]));
  const moved = greyGrid(frame(random, 6, [[170, 230, 40, 40]]));
  assert.equal(changedCells(null, grid0), null, 'a first frame has nothing to compare with');
  const noChange = changedCells(grid0, still)!;
  assert.equal(noChange.reduce((a, b) => a + b, 0), 0, 'noise of ±6 levels stays under the threshold');
  const change = changedCells(still, moved)!;
  const share = (f: FaceObservation, other: FaceObservation) => shareChanged(change, still, upperBodyRegion(f.box, [other.box]))!;
  assert.ok(share(left, right) > 0.02, `left person moved: ${share(left, right)}`);
  assert.equal(share(right, left), 0, 'nothing moved on the right');
});

test('two people’s regions stop halfway between them and stay in the frame', () => {
  const a = face(0.3, 0.1);
  const b = face(0.5, 0.1);
  const ra = upperBodyRegion(a.box, [b.box]);
  const rb = upperBodyRegion(b.box, [a.box]);
  assert.ok(Math.abs(ra.x + ra.w - 0.46) < 1e-9 && Math.abs(rb.x - 0.46) < 1e-9, 'both end at the midpoint of the face centres (0.36 and 0.56)');
  const edge = upperBodyRegion(face(0.9, 0.85).box, []);
  assert.ok(edge.x + edge.w <= 1 && edge.y + edge.h <= 1);
});

test('the recorder gives each person one value per analysed frame, null before they appear and where their face is missing', () => {
  const recorder = new RegionMotionRecorder();
  const grid = { columns: 4, rows: 4 };
  const all = new Uint8Array(16).fill(1);
  recorder.push(null, grid, [{ personId: 'p1', face: face(0, 0, 0.5, 0.25) }]);
  recorder.push(all, grid, [{ personId: 'p1', face: face(0, 0, 0.5, 0.25) }]);
  recorder.push(all, grid, [{ personId: 'p2', face: face(0.5, 0, 0.5, 0.25) }]);
  recorder.push(new Uint8Array(16), grid, [{ personId: 'p1', face: face(0, 0, 0.5, 0.25) }, { personId: 'p2', face: face(0.5, 0, 0.5, 0.25) }]);
  assert.deepEqual(recorder.of('p1'), [null, 1, null, 0]);
  assert.deepEqual(recorder.of('p2'), [null, null, 1, 0]);
  assert.deepEqual(recorder.of('p3'), [null, null, null, null]);
});
