import assert from 'node:assert/strict';
import { test } from 'vitest';
import type { Marker } from '../../lib/analysis/types.ts';
import { adjacentMarker, assignRows, hitTestMarker, layoutMarkers, MIN_MARKER_PX } from '../../renderer/timeline/marker-layout.ts';

function marker(id: string, startSec: number, endSec: number): Marker {
  return { id, startSec, endSec, personId: 'p1', modality: ['face'], kind: 'shift', score: 0.5, summary: '', cues: [] };
}

const markers = [marker('m1', 10, 20), marker('m2', 15, 16), marker('m3', 30, 30.2), marker('m4', 60, 70)];

test('overlapping markers go on separate rows; others share the first row', () => {
  const rows = assignRows(markers);
  assert.deepEqual(Object.fromEntries(rows), { m1: 0, m2: 1, m3: 0, m4: 0 });
});

test('brief markers keep a clickable width centred on their moment', () => {
  const boxes = layoutMarkers(markers, assignRows(markers), { startSec: 0, endSec: 100 }, 1000);
  const brief = boxes.find((b) => b.id === 'm3')!;
  assert.equal(brief.width, MIN_MARKER_PX);
  assert.ok(Math.abs(brief.x + brief.width / 2 - 301) < 1e-9);
});

test('markers outside the window are not laid out', () => {
  const boxes = layoutMarkers(markers, assignRows(markers), { startSec: 25, endSec: 50 }, 1000);
  assert.deepEqual(boxes.map((b) => b.id), ['m3']);
});

test('hit-testing picks the marker under the pointer on its row', () => {
  const rows = assignRows(markers);
  const boxes = layoutMarkers(markers, rows, { startSec: 0, endSec: 100 }, 1000);
  assert.equal(hitTestMarker(boxes, 120, 5, 16), 'm1');
  assert.equal(hitTestMarker(boxes, 155, 20, 16), 'm2');
  assert.equal(hitTestMarker(boxes, 155, 5, 16), 'm1');
  assert.equal(hitTestMarker(boxes, 250, 5, 16), null);
  assert.equal(hitTestMarker(boxes, 302, 5, 16), 'm3');
});

test('where boxes overlap the narrowest (briefest) marker wins', () => {
  const crowded = [marker('long', 0, 50), marker('brief', 20, 20.1)];
  const boxes = layoutMarkers(crowded, new Map([['long', 0], ['brief', 0]]), { startSec: 0, endSec: 100 }, 1000);
  assert.equal(hitTestMarker(boxes, 201, 1, 16), 'brief');
});

test('next and previous markers step from the playhead', () => {
  assert.equal(adjacentMarker(markers, 0, 1)?.id, 'm1');
  assert.equal(adjacentMarker(markers, 10, 1)?.id, 'm2');
  assert.equal(adjacentMarker(markers, 60, -1)?.id, 'm3');
  assert.equal(adjacentMarker(markers, 60, 1), null);
  assert.equal(adjacentMarker(markers, 10, -1), null);
});
