import assert from 'node:assert/strict';
import { test } from 'vitest';
import type { Series } from '../../lib/analysis/types.ts';
import { baselineOf, noiseOf, zSeries } from '../../lib/fusion/baseline.ts';
import { findBriefRuns } from '../../lib/fusion/brief.ts';
import { VOICE_CUES } from '../../lib/fusion/voice-cues.ts';
import { binIndex, binSeries, makeGrid } from '../../lib/fusion/grid.ts';
import { scoreOf, type CueEvidence } from '../../lib/fusion/marker-build.ts';
import { DEFAULT_FUSION_OPTIONS, resolveOptions, windowBins } from '../../lib/fusion/options.ts';
import { findPeaks } from '../../lib/fusion/peaks.ts';
import { groupByPerson } from '../../lib/fusion/person-fusion.ts';
import { median } from '../../lib/fusion/robust.ts';
import { summarise, whatChanged } from '../../lib/fusion/summary.ts';
import { changeAt, windowSums } from '../../lib/fusion/two-window.ts';
import { faceTrack, voiceTrack } from '../helpers/fusion-synthetic.ts';
import { seededRandom } from '../../lib/maths/seeded-random.ts';
import { gaussian } from '../helpers/random.ts';

const options = resolveOptions();

test('the grid bins samples by media time and skips nulls and times outside the media', () => {
  const grid = makeGrid(2, 0.5);
  assert.equal(grid.binCount, 4);
  assert.equal(binIndex(grid, 2), 3, 'the very end belongs to the last bin');
  assert.equal(binIndex(grid, 2.1), -1);
  const t = [0, 0.2, 0.6, 1.9, 2.5];
  const v = [1, 3, null, 5, 9];
  assert.deepEqual(binSeries(grid, t, (i) => v[i]!, median), [2, null, null, 5]);
});

test('baseline is the median and 1.4826 × MAD, floored; z measures against it', () => {
  const b = baselineOf([1, 2, null, 3, 4, 100], 0.01)!;
  assert.equal(b.median, 3);
  assert.equal(b.scale, 1.4826);
  assert.deepEqual(zSeries([3, null, 6], b).map((z) => (z === null ? null : +z.toFixed(3))), [0, null, 2.023]);
  assert.equal(baselineOf([0.2, 0.2, 0.2], 0.02)!.scale, 0.02, 'a flat cue gets the floor, not a zero scale');
  assert.equal(baselineOf([null, null], 0.02), null);
});

test('bin-to-bin noise: ≈ the noise SD on long series, wider when estimated from few bins, 1 when unknown', () => {
  const random = seededRandom(1);
  const long = Array.from({ length: 4000 }, () => gaussian(random));
  const sigma = noiseOf(long);
  assert.ok(sigma > 0.97 && sigma < 1.1, `σ ${sigma}`);
  const alternating = Array.from({ length: 12 }, (_, k) => (k % 2 === 0 ? 1 : -1));
  assert.ok(noiseOf(alternating) > 1.3 * Math.SQRT2, 'a dozen bins give an upper bound well above the estimate');
  const step = Array.from({ length: 400 }, (_, k) => (k < 200 ? 0 : 1));
  assert.ok(noiseOf(step) < 0.1, 'one lasting step is not noise');
  assert.equal(noiseOf([1, null, 2]), 1);
});

test('the window is half the duration, clamped to [3 s, 10 s], in whole bins', () => {
  assert.equal(windowBins(7, options), 7);
  assert.equal(windowBins(3, options), 6);
  assert.equal(windowBins(3600, options), 20);
  assert.equal(windowBins(3600, resolveOptions({ windowMaxSec: 30 })), 60);
  assert.throws(() => resolveOptions({ binSec: 0 }), RangeError);
  assert.throws(() => resolveOptions({ windowMinSec: 20 }), RangeError);
});

test('the two-window test reports the step size and refuses thin windows', () => {
  const z = [0, 0, 0, 0, 2, 2, 2, 2];
  const change = changeAt(windowSums(z), 0.5, 4, 4, 2)!;
  assert.equal(change.d, 2);
  assert.equal(change.evidence, 2 / (0.5 * Math.sqrt(0.5)));
  assert.equal(changeAt(windowSums([0, null, null, null, 2, 2]), 0.5, 4, 4, 2), null);
});

test('peaks: strongest first with non-maximum suppression, flat tops at their start, half-maximum span', () => {
  const score = [0, 1, 3, 4, 3, 1, 0, 0, 0, 0, 2, 2, 1, 0];
  assert.deepEqual(findPeaks(score, 4), [
    { edge: 3, from: 2, to: 4 },
    { edge: 10, from: 10, to: 12 },
  ]);
  assert.deepEqual(findPeaks([0, 2, 0, 3, 0], 4).map((p) => p.edge), [3], 'a weaker peak within the separation is dropped');
  assert.deepEqual(findPeaks([0, 0, 0], 2), []);
});

test('brief runs: short, back to baseline on both sides, and clear of the noise', () => {
  /** A session-sized evidence bar, standard errors. */
  const BAR = 5;
  const base: Series = Array.from({ length: 40 }, (_, k) => (k % 2 === 0 ? 0.2 : -0.2));
  const blip = [...base];
  blip[20] = 6;
  blip[21] = 5;
  const runs = findBriefRuns({ z: blip, noise: noiseOf(base) }, BAR, options);
  assert.deepEqual(runs.map((r) => [r.from, r.to]), [[20, 22]]);
  assert.ok(runs[0]!.d > 5);

  const long = [...base];
  long.fill(6, 20, 27);
  assert.deepEqual(findBriefRuns({ z: long, noise: noiseOf(base) }, BAR, options), [], 'three and a half seconds is not brief');
  const noReturn = [...base];
  noReturn.fill(2, 22);
  noReturn[20] = 6;
  noReturn[21] = 5;
  assert.deepEqual(findBriefRuns({ z: noReturn, noise: noiseOf(base) }, BAR, options), [], 'it must come back to baseline');
  const unseen = [...blip];
  unseen[22] = null;
  assert.deepEqual(findBriefRuns({ z: unseen, noise: noiseOf(base) }, BAR, options), [], 'the return must be observed');
  assert.deepEqual(findBriefRuns({ z: blip, noise: 2 }, BAR, options), [], 'noisy cues need a larger blip');
  assert.deepEqual(findBriefRuns({ z: blip.map((v) => (v === null ? null : -v)), noise: noiseOf(base), risesOnly: true }, BAR, options), [], 'a fall is not a brief of a rises-only cue');
});

test('a brief run spans the whole excursion, so where its shoulders sampled does not decide it', () => {
  // The same rise and fall sampled at two phases: the peak is over briefMinZ in one bin or in two, and
  // the shoulders just under it. Either way the run is where the cue left and came back near baseline.
  const BAR = 5;
  const base: Series = Array.from({ length: 40 }, (_, k) => (k % 2 === 0 ? 0.2 : -0.2));
  const onePeakBin = [...base];
  onePeakBin.splice(19, 4, 2.8, 4.2, 2.6, 1.6);
  const twoPeakBins = [...base];
  twoPeakBins.splice(19, 4, 1.9, 3.4, 3.2, 2.4);
  const spans = [onePeakBin, twoPeakBins].map((z) => findBriefRuns({ z, noise: noiseOf(base) }, BAR, options).map((r) => [r.from, r.to]));
  assert.deepEqual(spans, [[[19, 23]], [[19, 23]]]);
});

test('a swing from one side straight to the other is judged by its surroundings', () => {
  // Decided (stop 40): an excursion ends where the cue is back under briefReturnZ on its own side, and no
  // longer needs the bins beside it inside briefMinZ; the other side then weighs in its surroundings.
  const BAR = 5;
  const base: Series = Array.from({ length: 40 }, (_, k) => (k % 2 === 0 ? 0.2 : -0.2));
  const halfSeconds = [...base];
  halfSeconds.splice(20, 2, 5, -5);
  assert.deepEqual(
    findBriefRuns({ z: halfSeconds, noise: noiseOf(base) }, BAR, options).map((r) => [r.from, r.to, Math.sign(r.d)]),
    [[20, 21, 1], [21, 22, -1]],
    'half a second up, half a second down: two moments',
  );
  const seconds = [...base];
  seconds.splice(20, 4, 5, 5, -5, -5);
  assert.deepEqual(findBriefRuns({ z: seconds, noise: noiseOf(base) }, BAR, options), [], 'a second each way: the surroundings are not near baseline');
});

test('a voice with no speaker stays its own person; an attributed one joins that face', () => {
  const face = faceTrack({ personId: 'p1', durationSec: 1, seed: 1 });
  const speech = () => 1 as const;
  const anonymous = voiceTrack({ durationSec: 1, seed: 1, speech, f0Hz: () => 100, loudnessDb: () => -20 });
  const attributed = { ...anonymous, personId: 'p1' };
  assert.deepEqual(groupByPerson([face], [], [anonymous]).map((g) => [g.personId, g.face.length, g.voice.length]), [['p1', 1, 0], [null, 0, 1]]);
  assert.deepEqual(groupByPerson([face], [], [attributed]).map((g) => [g.personId, g.face.length, g.voice.length]), [['p1', 1, 1]]);
});

test('score rises with the evidence: 0.5 at threshold, 0.75 at twice it', () => {
  const cue = (d: number): CueEvidence => ({ stream: { info: VOICE_CUES.pitch, values: [], features: new Map() }, z: [], d, before: [0, 0], after: [0, 0] });
  assert.equal(scoreOf([cue(1)], 1), 0.5);
  assert.equal(scoreOf([cue(-2)], 1), 0.75);
  assert.ok(scoreOf([cue(1), cue(1)], 1) > scoreOf([cue(1)], 1), 'two cues moving together are stronger evidence');
  assert.ok(scoreOf([cue(3)], DEFAULT_FUSION_OPTIONS.briefMinZ) < scoreOf([cue(6)], DEFAULT_FUSION_OPTIONS.briefMinZ));
});

test('summaries name the top cues by modality and direction, briefs say how long', () => {
  const item = (info: typeof VOICE_CUES.pitch, d: number) => ({ info, d, change: 0 });
  assert.equal(summarise([item(VOICE_CUES.loudness, 2), item(VOICE_CUES.pitch, 1.5)]), 'Voice louder, pitch higher');
  assert.equal(summarise([item(VOICE_CUES.pitch, -3)], 1), 'Brief (1.0 s): pitch lower');
  assert.equal(whatChanged(summarise([item(VOICE_CUES.pitch, -3)], 12.5)), 'pitch lower');
});
