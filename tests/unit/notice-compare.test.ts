/** Notice first: presses against markers, on cases with a known answer. */
import assert from 'node:assert/strict';
import { test } from 'vitest';
import type { Marker } from '../../lib/analysis/types.ts';
import { compareNoticing, MATCH_SEC, type Press } from '../../lib/notice/compare.ts';

const marker = (id: string, startSec: number, endSec: number, changeSec?: number): Marker => ({
  id, startSec, endSec, personId: 'p1', modality: ['face'], kind: 'shift', score: 0.7, summary: 's', cues: [], ...(changeSec === undefined ? {} : { changeSec }),
});
const press = (tSec: number, word: string | null = null): Press => ({ tSec, word });

test('a press within the marker’s span widened by 3 s is both; the rest are yours or Attune’s alone', () => {
  const markers = [marker('m1', 25, 35, 30), marker('m2', 60, 61), marker('m3', 100, 110, 105)];
  const result = compareNoticing([press(31, 'quiet'), press(58), press(80)], markers);
  assert.deepEqual(result.both, [{ press: press(31, 'quiet'), markerId: 'm1' }, { press: press(58), markerId: 'm2' }]);
  assert.deepEqual(result.onlyAttune, ['m3']);
  assert.deepEqual(result.onlyYou, [press(80)]);
  assert.equal(result.agreement, Math.round((4 / 6) * 1000) / 1000);
  assert.deepEqual(compareNoticing([press(60 - MATCH_SEC - 0.01)], [markers[1]!]).both, [], 'just outside the reach');
});

test('one press per marker: two presses at one change are one match and one of yours; the closer press wins', () => {
  const result = compareNoticing([press(28), press(30.5)], [marker('m1', 25, 35, 30)]);
  assert.deepEqual(result.both.map((b) => b.press.tSec), [30.5]);
  assert.deepEqual(result.onlyYou.map((p) => p.tSec), [28]);
});

test('a press between two markers goes to the nearer onset, and the other press can take the other marker', () => {
  const result = compareNoticing([press(40), press(44)], [marker('m1', 30, 40, 35), marker('m2', 41, 50, 45)]);
  assert.deepEqual(result.both.map((b) => [b.press.tSec, b.markerId]), [[40, 'm1'], [44, 'm2']]);
  assert.equal(result.agreement, 1);
});

test('nothing pressed and nothing marked has no agreement figure; only one side is 0', () => {
  assert.equal(compareNoticing([], []).agreement, null);
  assert.equal(compareNoticing([press(3)], []).agreement, 0);
  assert.equal(compareNoticing([], [marker('m1', 1, 2)]).agreement, 0);
});
