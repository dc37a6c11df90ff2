import { test } from 'vitest';
import assert from 'node:assert/strict';
import { extractThumbnail, thumbnailCrop } from '../../main/media/thumbnail.ts';
import { video } from '../helpers/paths.ts';

test('the crop grows the face box and stays inside the frame', () => {
  assert.deepEqual(thumbnailCrop({ x: 0.4, y: 0.4, w: 0.2, h: 0.2 }, 0.5), { x: 0.30000000000000004, y: 0.30000000000000004, w: 0.4, h: 0.4 });
  const edge = thumbnailCrop({ x: 0.9, y: 0, w: 0.2, h: 0.3 });
  assert.ok(edge.x + edge.w <= 1 + 1e-12 && edge.y === 0);
});

test('a JPEG thumbnail is cut from the recording at the given time', async () => {
  const jpeg = await extractThumbnail(video('01-01-01-01-02-01-05.mp4'), 1.0, { x: 0.4, y: 0.2, w: 0.2, h: 0.4 }, { maxSide: 96 });
  assert.equal(jpeg.subarray(0, 2).toString('hex'), 'ffd8', 'JPEG start-of-image marker');
  assert.ok(jpeg.length > 500 && jpeg.length < 50_000);
});
