import assert from 'node:assert/strict';
import { test } from 'vitest';
import type { Series } from '../../lib/analysis/types.ts';
import { changeMoment } from '../../lib/fusion/change-moment.ts';
import { seededRandom } from '../../lib/maths/seeded-random.ts';
import { gaussian } from '../helpers/random.ts';

const W = 20; // 10-s windows of 0.5-s bins
const SHORT = 6; // 3 s
const MIN = 2;
const always = () => true;
const MARGIN = 3; // options.evidenceFloor

function series(length: number, seed: number, level: (k: number) => number): Series {
  const random = seededRandom(seed);
  return Array.from({ length }, (_, k) => level(k) + 0.3 * gaussian(random));
}

test('a change shorter than the window: from any edge of the plateau, the moment is where it starts', () => {
  const z = series(400, 1, (k) => (k >= 200 && k < 210 ? 3 : 0));
  // Every edge from 190 (the after-window just holds the change) to 200 sees the same long-window difference.
  // Within a bin (0.5 s): one bin short of it, the short windows already see most of the change.
  for (const peak of [190, 194, 199]) {
    const moment = changeMoment([{ z, d: 1.5, noise: 0.3 }], peak, W, SHORT, MIN, always, MARGIN);
    assert.ok(Math.abs(moment - 200) <= 1, `from ${peak}: ${moment}`);
  }
  // ...and its end, for the marker of the way back.
  assert.ok(Math.abs(changeMoment([{ z, d: -1.5, noise: 0.3 }], 218, W, SHORT, MIN, always, MARGIN) - 210) <= 1);
});

test('a slow change stays at the test’s peak: nowhere does it change clearly faster', () => {
  const z = series(400, 2, (k) => Math.min(3, Math.max(0, (k - 150) / 30)));
  assert.equal(changeMoment([{ z, d: 2, noise: 0.3 }], 195, W, SHORT, MIN, always, MARGIN), 195);
});

test('the moment moves only to edges where the test still finds the change', () => {
  const z = series(400, 3, (k) => (k >= 200 && k < 210 ? 3 : 0));
  assert.equal(changeMoment([{ z, d: 1.5, noise: 0.3 }], 192, W, SHORT, MIN, (edge) => edge <= 196, MARGIN), 196);
  assert.equal(changeMoment([{ z, d: 1.5, noise: 0.3 }], 192, W, SHORT, MIN, () => false, MARGIN), 192);
});
