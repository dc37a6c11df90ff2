import assert from 'node:assert/strict';
import { test } from 'vitest';
import { normalQuantile, twoSidedZ } from '../../lib/fusion/normal.ts';
import { evidenceBar, minWindowBins, resolveOptions, windowBins } from '../../lib/fusion/options.ts';
import { comparisonCount } from '../../lib/fusion/two-window.ts';

const options = resolveOptions();

/** Reference quantiles to 16 digits (Wichura's AS241, as in Python's statistics.NormalDist). */
const QUANTILES: [number, number][] = [
  [0.5, 0],
  [0.3, -0.5244005127080407],
  [0.975, 1.9599639845400536],
  [0.995, 2.5758293035489],
  [0.9995, 3.2905267314919255],
  [0.01, -2.3263478740408408],
  [0.02425, -1.9729610513118845],
  [1e-6, -4.753424308822899],
  [1e-9, -5.9978070150076865],
];

test('the inverse normal CDF matches known quantiles to 1e-8 and is symmetric', () => {
  for (const [p, x] of QUANTILES) {
    assert.ok(Math.abs(normalQuantile(p) - x) < 1e-8, `Φ⁻¹(${p}) = ${normalQuantile(p)}, not ${x}`);
    assert.ok(Math.abs(normalQuantile(1 - p) + x) < 1e-8, `Φ⁻¹(1 − ${p})`);
  }
  assert.equal(normalQuantile(0), -Infinity);
  assert.equal(normalQuantile(1), Infinity);
  assert.ok(Number.isNaN(normalQuantile(-0.1)) && Number.isNaN(normalQuantile(1.1)) && Number.isNaN(normalQuantile(Number.NaN)));
});

test('the two-sided bar: P(|Z| > z) = alpha, precise for tiny alpha', () => {
  assert.ok(Math.abs(twoSidedZ(0.05) - 1.9599639845400536) < 1e-8);
  assert.ok(Math.abs(twoSidedZ(0.01) - 2.5758293035489) < 1e-8);
  assert.ok(Math.abs(twoSidedZ(2e-9) - 5.9978070150076865) < 1e-8);
});

test('the evidence bar spreads the false-alarm budget over the comparisons: ≈ 5.4 SE for a 60-min session, ≈ 3.6 for a 7-s clip', () => {
  // 60 min, 17 cues (13 face, 4 voice), all observed: 7200 bins, W = 20 bins, so edges 6..7194 compare.
  const sessionBins = 7200;
  const sessionW = windowBins(3600, options);
  const sessionEdges = sessionBins - 2 * minWindowBins(sessionW, options) + 1;
  assert.equal(sessionEdges, 7189);
  const session = evidenceBar(17 * sessionEdges, options);
  assert.ok(Math.abs(session - 5.363) < 0.001, `session bar ${session}`);

  // 7 s, the 4 voice cues, all observed: 14 bins, W = 7 bins, edges 3..11 compare.
  const clipW = windowBins(7, options);
  const clipEdges = 14 - 2 * minWindowBins(clipW, options) + 1;
  assert.equal(clipEdges, 9);
  const clip = evidenceBar(4 * clipEdges, options);
  assert.ok(Math.abs(clip - 3.635) < 0.001, `clip bar ${clip}`);

  assert.ok(evidenceBar(40_000, options) > 5.1 && evidenceBar(40_000, options) < 5.2, 'a 20-min session');
  assert.equal(evidenceBar(1, options), 3, 'one comparison would allow 2.58; the floor holds at 3');
  assert.equal(evidenceBar(0, options), 3);
  assert.ok(evidenceBar(36, resolveOptions({ falseAlarmRate: 0.001 })) > clip, 'a smaller budget, a higher bar');
  assert.equal(evidenceBar(36, resolveOptions({ evidenceFloor: 5 })), 5);
  assert.throws(() => resolveOptions({ falseAlarmRate: 0 }), RangeError);
  assert.throws(() => resolveOptions({ falseAlarmRate: 1 }), RangeError);
});

test('only comparisons actually made are counted', () => {
  const change = { d: 1, evidence: 2 };
  assert.equal(comparisonCount([[null, change, change], [null, null, null], [change]]), 3);
  assert.equal(comparisonCount([]), 0);
});
