import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import type { FaceTrack, Series } from '../../lib/analysis/types.ts';
import { fisherZ, windowedLaggedSynchrony } from '../../lib/interaction/lagged-correlation.ts';
import { segmentShuffled, surrogateChance } from '../../lib/interaction/surrogates.ts';
import { headMovementSynchrony, onRegularGrid, SYNCHRONY, synchronyDrops } from '../../lib/interaction/synchrony.ts';
import { seededRandom } from '../../lib/maths/seeded-random.ts';
import { gaussian } from '../helpers/random.ts';

const noise = (n: number, seed: number): number[] => {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => gaussian(random));
};
/** b[i] = a[i - lag]: the second series follows the first by `lag` samples. */
const delayed = (a: Series, lag: number): Series => a.map((_, i) => (i - lag >= 0 ? a[i - lag]! : null));
const options = { windowSamples: 50, stepSamples: 5, maxLagSamples: 10, minPairs: 40 };

/** The definition, computed the slow way: Pearson r of a[i] and b[i + lag] over a window's pairs where both are present. */
function laggedPearson(a: Series, b: Series, start: number, length: number, lag: number, minPairs: number): number | null {
  const pairs: [number, number][] = [];
  for (let i = start; i < start + length; i++) {
    const x = a[i];
    const y = b[i + lag];
    if (x !== null && x !== undefined && y !== null && y !== undefined) pairs.push([x, y]);
  }
  if (pairs.length < minPairs) return null;
  const mx = pairs.reduce((s, [x]) => s + x, 0) / pairs.length;
  const my = pairs.reduce((s, [, y]) => s + y, 0) / pairs.length;
  const cov = pairs.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const vx = pairs.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const vy = pairs.reduce((s, [, y]) => s + (y - my) ** 2, 0);
  return vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : null;
}

describe('lagged correlation', () => {
  test('a copy shifted by three samples correlates perfectly at lag 3, and the window reports that lag', () => {
    const a = noise(200, 1);
    const b = delayed(a, 3);
    assert.ok(Math.abs(laggedPearson(a, b, 20, 50, 3, 40)! - 1) < 1e-9);
    assert.ok(laggedPearson(a, b, 20, 50, 0, 40)! < 0.5);
    const windows = windowedLaggedSynchrony(a, b, options);
    assert.ok(windows.length > 20);
    for (const w of windows.slice(1)) {
      assert.equal(w.lag, 3);
      assert.equal(w.peakZ, fisherZ(1));
    }
    assert.equal(windowedLaggedSynchrony(b, a, options)[2]!.lag, -3, 'the other way round, the first follows');
  });

  test('a known correlation of 0.6 is recovered (mean window r within 0.1)', () => {
    const x = noise(5000, 2);
    const e = noise(5000, 3);
    const b = x.map((v, i) => 0.6 * v + 0.8 * e[i]!);
    const windows = windowedLaggedSynchrony(x, b, { windowSamples: 250, stepSamples: 250, maxLagSamples: 0, minPairs: 200 });
    const r = windows.map((w) => Math.tanh(w.peakZ!));
    const meanR = r.reduce((s, v) => s + v, 0) / r.length;
    assert.ok(Math.abs(meanR - 0.6) < 0.1, `mean r ${meanR}`);
    for (const w of windows) assert.equal(w.lag, 0);
  });

  test('the running-sum computation equals the definition, gaps included', () => {
    const a: Series = noise(400, 4).map((v, i) => (i % 17 === 3 ? null : v));
    const e = noise(400, 5);
    const b: Series = a.map((v, i) => (i % 23 === 7 ? null : (v ?? 0) * 0.5 + e[i]!));
    for (const w of windowedLaggedSynchrony(a, b, options)) {
      let best: { z: number; lag: number } | null = null;
      for (const lag of [0, ...Array.from({ length: 10 }, (_, i) => [i + 1, -(i + 1)]).flat()]) {
        const r = laggedPearson(a, b, w.start, 50, lag, 40);
        if (r !== null && (best === null || Math.abs(fisherZ(r)) > best.z + 1e-12)) best = { z: Math.abs(fisherZ(r)), lag };
      }
      assert.ok(best && Math.abs(best.z - w.peakZ!) < 1e-9 && best.lag === w.lag, `window at ${w.start}`);
    }
  });

  test('gaps are absent, not zero: too few pairs or no variation give no value', () => {
    const a: Series = noise(100, 4);
    const half: Series = a.map((v, i) => (i % 2 ? null : v));
    assert.ok(windowedLaggedSynchrony(a, half, { ...options, maxLagSamples: 0 }).every((w) => w.peakZ === null));
    assert.ok(windowedLaggedSynchrony(a, new Array(100).fill(1), options).every((w) => w.peakZ === null));
  });
});

describe('surrogates', () => {
  test('segment shuffling keeps every segment whole and is the same for the same seed', () => {
    const series = Array.from({ length: 23 }, (_, i) => i);
    const shuffled = segmentShuffled(series, 5, seededRandom(7));
    assert.deepEqual(shuffled, segmentShuffled(series, 5, seededRandom(7)));
    assert.deepEqual([...shuffled].sort((p, q) => p! - q!), series);
    for (let k = 0; k < 4; k++) {
      const segment = shuffled.slice(k * 5, k * 5 + 5) as number[];
      assert.equal(segment[0]! % 5, 0);
      assert.deepEqual(segment, segment.map((_, j) => segment[0]! + j));
    }
    assert.deepEqual(shuffled.slice(20), [20, 21, 22], 'the short tail stays last');
  });

  test('independent movement is above chance in about 5 % of windows; coupled movement in nearly all', () => {
    const a = noise(3000, 5);
    const independent = noise(3000, 6);
    const chance = surrogateChance(a, independent, options, 20, 11)!;
    const falseAlarms = windowedLaggedSynchrony(a, independent, options).filter((w) => w.peakZ! > chance.p95).length;
    const total = windowedLaggedSynchrony(a, independent, options).length;
    assert.ok(falseAlarms / total < 0.12, `${falseAlarms} of ${total}`);
    const e = noise(3000, 8);
    const coupled = delayed(a, 4).map((v, i) => (v === null ? null : 0.7 * v + 0.7 * e[i]!));
    const coupledChance = surrogateChance(a, coupled, options, 20, 11)!;
    const hits = windowedLaggedSynchrony(a, coupled, options).filter((w) => w.peakZ !== null && w.peakZ > coupledChance.p95).length;
    assert.ok(hits / total > 0.9, `${hits} of ${total}`);
  });
});

/** A face track at 5 frames/s whose head yaw follows `yaw`; the other angles still. */
function face(personId: string, yaw: Series): FaceTrack {
  const t = yaw.map((_, i) => Math.round(i * 200) / 1000);
  return { personId, t, headYawDeg: yaw, headPitchDeg: yaw.map(() => 0), headRollDeg: yaw.map(() => 0), blendshapes: {}, presence: yaw.map(() => 1) };
}

/** Smooth random head turning: a random walk, so the speed series has structure to correlate. */
function headTurns(n: number, seed: number): number[] {
  const steps = noise(n, seed);
  let angle = 0;
  return steps.map((s) => (angle = 0.9 * angle + 3 * s));
}

describe('synchrony between two people', () => {
  test('head movements in step for a minute and then not: one drop marker near the change, with its evidence', () => {
    const n = 600; // 120 s at 5 frames/s
    const a = headTurns(n, 21);
    const other = headTurns(n, 22);
    // The second person follows the first by 0.6 s for the first minute, then moves on their own.
    const b = a.map((_, i) => (i < 300 ? (i >= 3 ? a[i - 3]! : 0) : other[i]!));
    const track = headMovementSynchrony([face('p1', a), face('p2', b)], 120)!;
    assert.ok(track);
    assert.deepEqual(track.personIds, ['p1', 'p2']);
    const share = (from: number, to: number): number => {
      const idx = track.t.map((t, i) => [t, i] as const).filter(([t]) => t >= from && t <= to);
      return idx.filter(([, i]) => track.aboveChance[i] === 1).length / idx.length;
    };
    assert.ok(share(5, 50) > 0.9, `in step before: ${share(5, 50)}`);
    assert.ok(share(70, 115) < 0.15, `apart after: ${share(70, 115)}`);
    const lags = track.lagSec.filter((l, i) => track.t[i]! < 50 && l !== null);
    assert.ok(lags.every((l) => Math.abs(l! - 0.6) < 0.21), 'the second person follows by 0.6 s');
    const drops = synchronyDrops(track);
    assert.equal(drops.length, 1);
    const [drop] = drops;
    assert.ok(drop!.startSec > 50 && drop!.startSec < 66, `drop starts at ${drop!.startSec}`);
    assert.ok(drop!.endSec > drop!.startSec);
    assert.equal(drop!.personId, null);
    assert.deepEqual(drop!.modality, ['interaction']);
    const cue = drop!.cues[0]!;
    assert.equal(cue.feature, 'headMovementSynchrony');
    assert.ok(cue.before! > track.chanceZ && cue.after! < cue.before! && cue.z! < 0);
  });

  test('no marker when they are always in step, never in step, or when there is only one face', () => {
    const a = headTurns(600, 31);
    const always = headMovementSynchrony([face('p1', a), face('p2', delayed(a, 2).map((v) => v ?? 0))], 120)!;
    assert.equal(synchronyDrops(always).length, 0);
    const never = headMovementSynchrony([face('p1', a), face('p2', headTurns(600, 32))], 120)!;
    assert.equal(synchronyDrops(never).length, 0);
    assert.equal(headMovementSynchrony([face('p1', a)], 120), null);
    assert.equal(headMovementSynchrony([face('p1', a.slice(0, 150)), face('p2', a.slice(0, 150))], 30), null, `under ${4 * SYNCHRONY.windowSec} s is too short`);
  });

  test('the same input gives the same track', () => {
    const a = headTurns(400, 41);
    const b = headTurns(400, 42);
    assert.deepEqual(headMovementSynchrony([face('p1', a), face('p2', b)], 80), headMovementSynchrony([face('p1', a), face('p2', b)], 80));
  });

  test('samples land on the nearest point of a regular grid; ones beyond it are dropped', () => {
    assert.deepEqual(onRegularGrid([0, 0.21, 0.39, 0.75, 1.3], [1, 2, 3, 4, 5], 0.2, 5), [1, 2, 3, null, 4]);
  });
});
