import assert from 'node:assert/strict';
import { test } from 'vitest';
import { KEYPOINT_COUNT, KEYPOINT_INDEX } from '../../lib/body/keypoints.ts';
import { drawPeople } from '../../lib/clips/landmark-drawing.ts';

const W = 64;
const H = 48;
const pixel = (rgb: Uint8Array, x: number, y: number): number[] => [...rgb.subarray((y * W + x) * 3, (y * W + x) * 3 + 3)];
const BACKGROUND = [24, 26, 32];

test('nothing seen: a plain frame of the right size', () => {
  const rgb = drawPeople(W, H, { faces: [], bodies: [] }, []);
  assert.equal(rgb.length, W * H * 3);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) assert.deepEqual(pixel(rgb, x, y), BACKGROUND);
});

test('a face edge is a line between its two landmarks, and only there', () => {
  // Landmark 0 at the left, landmark 1 at the right, on the middle row.
  const face = [0.25, 0.5, 0.75, 0.5];
  const rgb = drawPeople(W, H, { faces: [face], bodies: [] }, [{ start: 0, end: 1 }]);
  for (let x = 16; x <= 48; x++) assert.notDeepEqual(pixel(rgb, x, 24), BACKGROUND, `x=${x} is on the line`);
  assert.deepEqual(pixel(rgb, 8, 24), BACKGROUND);
  assert.deepEqual(pixel(rgb, 32, 10), BACKGROUND);
});

test('body lines join confident keypoints only; points off the frame are clipped, not wrapped', () => {
  const body = new Array<number>(KEYPOINT_COUNT * 3).fill(0);
  const set = (name: keyof typeof KEYPOINT_INDEX, x: number, y: number, score: number) => body.splice(KEYPOINT_INDEX[name] * 3, 3, x, y, score);
  set('leftShoulder', 0.2, 0.8, 0.9);
  set('rightShoulder', 0.8, 0.8, 0.9);
  set('leftElbow', 0.2, 0.2, 0.1); // not confident: no upper-arm line
  set('rightElbow', 1.5, 0.8, 0.9); // off the frame to the right
  const rgb = drawPeople(W, H, { faces: [], bodies: [body] }, []);
  assert.notDeepEqual(pixel(rgb, 32, 38), BACKGROUND, 'shoulder line');
  assert.deepEqual(pixel(rgb, 13, 24), BACKGROUND, 'no line to the unsure elbow');
  assert.notDeepEqual(pixel(rgb, 62, 38), BACKGROUND, 'the line runs to the frame edge');
  assert.deepEqual(pixel(rgb, 2, 39), BACKGROUND, 'nothing wraps to the next row');
});
