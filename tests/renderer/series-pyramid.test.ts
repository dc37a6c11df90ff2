import assert from 'node:assert/strict';
import { test } from 'vitest';
import { lowerBound } from '../../lib/maths/lower-bound.ts';
import { buildPyramid, envelope, valueRange } from '../../renderer/timeline/series-pyramid.ts';

/** A 100 Hz series of `seconds` with a deterministic wiggle. */
function voiceLike(seconds: number): { t: number[]; v: (number | null)[] } {
  const n = Math.round(seconds * 100);
  const t = Array.from({ length: n }, (_, i) => i / 100);
  const v = t.map((ti) => 150 + 30 * Math.sin(ti * 1.7) + 5 * Math.sin(ti * 31));
  return { t, v };
}

/** Min/max of the present samples with time in [t0, t1). */
function bruteRange(t: number[], v: (number | null)[], t0: number, t1: number): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < t.length; i++) {
    const x = v[i];
    if (t[i]! >= t0 && t[i]! < t1 && x !== null && x !== undefined) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

test('lowerBound finds the first time at or after the query', () => {
  const t = [0, 1, 2, 2, 3];
  assert.equal(lowerBound(t, -1), 0);
  assert.equal(lowerBound(t, 2), 2);
  assert.equal(lowerBound(t, 2.5), 4);
  assert.equal(lowerBound(t, 9), 5);
});

test('each level halves the previous and keeps the extremes', () => {
  const p = buildPyramid([0, 1, 2, 3, 4], [3, null, 7, 1, 5]);
  assert.deepEqual(p.levels.map((l) => l.min.length), [5, 3, 2, 1]);
  assert.deepEqual(Array.from(p.levels[1]!.min), [3, 1, 5]);
  assert.deepEqual(Array.from(p.levels[1]!.max), [3, 7, 5]);
  assert.equal(p.levels[3]!.min[0], 1);
  assert.equal(p.levels[3]!.max[0], 7);
});

test('a 60-minute voice series gives at most one entry per pixel column, with the true extremes', () => {
  const { t, v } = voiceLike(3600);
  v[123_456] = 999; // a one-sample spike must survive the whole-session view
  const p = buildPyramid(t, v);
  const view = { startSec: 0, endSec: 3600 };
  const e = envelope(p, view, 1000);
  assert.ok(e.length <= 1001, `got ${e.length} entries`);
  assert.equal(Math.max(...e.max), 999);
  const all = bruteRange(t, v, 0, 3600)!;
  assert.equal(Math.min(...e.min), Math.fround(all[0]));
});

test('every sample is drawn in its own pixel column or the one before, and nowhere else', () => {
  const { t, v } = voiceLike(600);
  const p = buildPyramid(t, v);
  const view = { startSec: 100, endSec: 400 };
  const width = 700;
  const e = envelope(p, view, width);
  const secPerPx = 300 / width;
  const entryAt = new Map<number, number>();
  for (let i = 0; i < e.length; i++) entryAt.set(Math.floor(e.x[i]!), i);
  for (let i = lowerBound(t, view.startSec); i < lowerBound(t, view.endSec); i++) {
    const col = Math.floor((t[i]! - view.startSec) / secPerPx);
    const value = Math.fround(v[i]!);
    const covered = [col, col - 1].some((c) => {
      const k = entryAt.get(c);
      return k !== undefined && e.min[k]! <= value && value <= e.max[k]!;
    });
    assert.ok(covered, `sample ${i} at column ${col}`);
  }
  // Conversely an entry holds only samples from its own column and the next (bins are narrower than a column).
  for (let k = 0; k < e.length; k++) {
    const col = Math.floor(e.x[k]!);
    if (col < 0 || col >= width) continue;
    const outer = bruteRange(t, v, view.startSec + col * secPerPx, view.startSec + (col + 2) * secPerPx)!;
    assert.ok(e.min[k]! >= Math.fround(outer[0]) && e.max[k]! <= Math.fround(outer[1]), `entry at column ${col}`);
  }
});

test('zoomed in past the sample rate, every sample is its own entry plus one either side', () => {
  const t = [0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2];
  const p = buildPyramid(t, [1, 2, 3, 4, 5, 6, 7]);
  const e = envelope(p, { startSec: 0.3, endSec: 0.9 }, 600);
  assert.deepEqual(Array.from(e.min), [2, 3, 4, 5, 6]);
  const expected = [-100, 100, 300, 500, 700];
  e.x.forEach((x, i) => assert.ok(Math.abs(x - expected[i]!) < 1e-3, `x[${i}] = ${x}`));
});

test('absent samples become gaps, never zeros', () => {
  const t = [0, 1, 2, 3, 4];
  const p = buildPyramid(t, [1, null, null, null, 5]);
  const e = envelope(p, { startSec: 0, endSec: 5 }, 5);
  assert.equal(e.length, 5);
  assert.ok(Number.isNaN(e.min[2]!) && Number.isNaN(e.max[2]!));
  assert.equal(e.min[0], 1);
  assert.equal(e.max[4], 5);
});

test('a column with some present samples is drawn, not a gap', () => {
  const t = Array.from({ length: 100 }, (_, i) => i / 100);
  const v = t.map((_, i) => (i % 3 === 0 ? null : i));
  const e = envelope(buildPyramid(t, v), { startSec: 0, endSec: 1 }, 10);
  for (let i = 0; i < e.length; i++) assert.ok(!Number.isNaN(e.min[i]!), `column ${i}`);
});

test('an empty series or a window outside it gives an empty envelope', () => {
  assert.equal(envelope(buildPyramid([], []), { startSec: 0, endSec: 1 }, 100).length, 0);
  const p = buildPyramid([0, 1], [1, 2]);
  assert.equal(envelope(p, { startSec: 0, endSec: 1 }, 0).length, 0);
});

test('a redraw of a 60-minute session is fast enough for playback at any zoom', () => {
  const { t, v } = voiceLike(3600);
  const p = buildPyramid(t, v);
  const started = performance.now();
  let entries = 0;
  for (let frame = 0; frame < 200; frame++) {
    const span = 3600 / 2 ** (frame % 10);
    const start = (frame * 13) % (3600 - span + 1);
    entries += envelope(p, { startSec: start, endSec: start + span }, 1200).length;
  }
  const perFrameMs = (performance.now() - started) / 200;
  assert.ok(entries > 0);
  // Three voice rows and five face rows per frame must fit well inside 16 ms.
  assert.ok(perFrameMs < 1, `envelope took ${perFrameMs.toFixed(3)} ms`);
});

test('the value range ignores absent samples and rare outliers', () => {
  const v: (number | null)[] = Array.from({ length: 1000 }, (_, i) => 100 + (i % 50));
  v[10] = 5000;
  v[11] = null;
  assert.deepEqual(valueRange(v), [100, 149]);
  assert.equal(valueRange([null, null]), null);
  assert.deepEqual(valueRange([3, 3]), [3, 3]);
});
