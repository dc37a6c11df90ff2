import assert from 'node:assert/strict';
import { test } from 'vitest';
import {
  canZoomIn,
  canZoomOut,
  followPlayhead,
  MIN_SPAN_SEC,
  pxToTime,
  spanOf,
  tickStepSec,
  timeToPx,
  wholeSession,
  zoomAround,
} from '../../renderer/timeline/viewport.ts';
import { formatClock } from '../../lib/time/clock.ts';

test('time and pixels map both ways', () => {
  const view = { startSec: 60, endSec: 180 };
  assert.equal(timeToPx(view, 1200, 60), 0);
  assert.equal(timeToPx(view, 1200, 120), 600);
  assert.equal(pxToTime(view, 1200, 600), 120);
  for (const t of [61.3, 99.99, 179]) assert.ok(Math.abs(pxToTime(view, 1200, timeToPx(view, 1200, t)) - t) < 1e-9);
});

test('zooming in keeps the playhead at the same pixel and stops at about five seconds', () => {
  const duration = 3600;
  let view = wholeSession(duration);
  const playhead = 900;
  const before = timeToPx(view, 1000, playhead);
  view = zoomAround(view, duration, playhead, 2);
  assert.equal(spanOf(view), 1800);
  assert.ok(Math.abs(timeToPx(view, 1000, playhead) - before) < 1e-9);
  while (canZoomIn(view, duration)) view = zoomAround(view, duration, playhead, 2);
  assert.equal(spanOf(view), MIN_SPAN_SEC);
  assert.ok(view.startSec <= playhead && playhead <= view.endSec);
  // Zooming out again ends at the whole session.
  while (canZoomOut(view, duration)) view = zoomAround(view, duration, playhead, 0.5);
  assert.deepEqual(view, wholeSession(duration));
});

test('zoom centres an off-screen playhead and never leaves the session', () => {
  const view = zoomAround({ startSec: 0, endSec: 100 }, 3600, 3598, 2);
  assert.equal(view.endSec, 3600);
  assert.equal(spanOf(view), 50);
  const centred = zoomAround({ startSec: 0, endSec: 100 }, 3600, 1000, 2);
  assert.deepEqual(centred, { startSec: 975, endSec: 1025 });
});

test('a session shorter than five seconds shows whole and cannot zoom in', () => {
  const view = wholeSession(3.2);
  assert.equal(canZoomIn(view, 3.2), false);
  assert.equal(canZoomOut(view, 3.2), false);
  assert.deepEqual(zoomAround(view, 3.2, 1, 2), view);
});

test('the view pages to follow the playhead only when it leaves the window', () => {
  const view = { startSec: 100, endSec: 200 };
  assert.equal(followPlayhead(view, 3600, 150), view);
  assert.deepEqual(followPlayhead(view, 3600, 201), { startSec: 191, endSec: 291 });
  assert.deepEqual(followPlayhead(view, 3600, 50), { startSec: 0, endSec: 100 });
});

test('clock labels read naturally', () => {
  assert.equal(formatClock(7.5, true), '0:07.5');
  assert.equal(formatClock(724), '12:04');
  assert.equal(formatClock(3723), '1:02:03');
});

test('ruler ticks are at least 80 px apart and use round steps', () => {
  assert.equal(tickStepSec({ startSec: 0, endSec: 3600 }, 1000), 300);
  assert.equal(tickStepSec({ startSec: 0, endSec: 5 }, 1000), 0.5);
});
