import assert from 'node:assert/strict';
import { test } from 'vitest';
import type { Marker } from '../../lib/analysis/types.ts';
import { chooseClipMarkers, CLIP_MAX_SEC, clipEntryName, clipWindow, CLIPS_MAX } from '../../lib/clips/clip-windows.ts';

const marker = (id: string, startSec: number, endSec: number, changeSec?: number): Marker => ({
  id, startSec, endSec, personId: 'p1', modality: ['face'], kind: 'shift', score: 1, summary: '', cues: [], ...(changeSec === undefined ? {} : { changeSec }),
});

test('a clip is the marker with 4 s either side, inside the recording', () => {
  assert.deepEqual(clipWindow(marker('m1', 10, 12), 60), { markerId: 'm1', startSec: 6, endSec: 16 });
  assert.deepEqual(clipWindow(marker('m2', 1, 3), 60), { markerId: 'm2', startSec: 0, endSec: 7 });
  assert.deepEqual(clipWindow(marker('m3', 57, 59.5), 60), { markerId: 'm3', startSec: 53, endSec: 60 });
});

test('a long marker is shown around its moment of change (or its middle), never longer than the cap', () => {
  assert.deepEqual(clipWindow(marker('m1', 100, 200, 180), 600), { markerId: 'm1', startSec: 160, endSec: 200 });
  assert.deepEqual(clipWindow(marker('m2', 100, 200), 600), { markerId: 'm2', startSec: 130, endSec: 170 });
  // Near the end of the recording the window slides back so the clip keeps its full length.
  const late = clipWindow(marker('m3', 500, 598, 597), 600);
  assert.deepEqual(late, { markerId: 'm3', startSec: 560, endSec: 600 });
  assert.equal(late.endSec - late.startSec, CLIP_MAX_SEC);
});

test('the markers chosen: those named (each must exist), else all; never more than the cap', () => {
  const markers = [marker('m1', 1, 2), marker('m2', 5, 6), marker('m3', 9, 10)];
  assert.deepEqual((chooseClipMarkers(markers, null) as Marker[]).map((m) => m.id), ['m1', 'm2', 'm3']);
  assert.deepEqual((chooseClipMarkers(markers, ['m3', 'm1']) as Marker[]).map((m) => m.id), ['m1', 'm3']);
  assert.equal(chooseClipMarkers(markers, ['m4', 'm1']), 'The analysis has no marker m4; its markers are m1, m2, m3.');
  assert.equal(chooseClipMarkers([], null), 'There are no markers to make clips of.');
  const many = Array.from({ length: CLIPS_MAX + 1 }, (_, i) => marker(`m${i + 1}`, i, i + 1));
  assert.match(chooseClipMarkers(many, null) as string, /at most 30 clips and 31 markers were chosen/);
});

test('a clip entry name is a plain path whatever the id', () => {
  assert.equal(clipEntryName('m12'), 'clips/m12.mp4');
  assert.equal(clipEntryName('../x y'), 'clips/___x_y.mp4');
});
