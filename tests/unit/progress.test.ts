import { test } from 'vitest';
import assert from 'node:assert/strict';
import { progressLine } from '../../main/cli/progress-line.ts';
import { playerTime } from '../../lib/time/clock.ts';
import { ProgressTracker } from '../../main/pipeline/progress-tracker.ts';
import type { PipelineProgress } from '../../lib/pipeline/progress.ts';

test('durations read like a clock', () => {
  assert.equal(playerTime(0), '0:00');
  assert.equal(playerTime(59.6), '1:00');
  assert.equal(playerTime(3725), '1:02:05');
  assert.equal(playerTime(-3), '0:00');
});

test('the progress line shows the bar, percent, ETA and stage', () => {
  const line = progressLine({ stage: 'vision', fraction: 0.5, overall: 0.5, etaSec: 65 }, 10);
  assert.equal(line, '[#####-----]  50%  ETA 1:05  (faces)');
  assert.match(progressLine({ stage: 'hash', fraction: 0, overall: 0, etaSec: null }, 4), /estimating/);
  assert.match(progressLine({ stage: 'audio', fraction: 1, overall: 1.2, etaSec: 0 }, 4), /\[####\] 100%/);
});

test('overall progress weighs concurrent stages and the ETA follows the elapsed rate', () => {
  let now = 0;
  const seen: PipelineProgress[] = [];
  const tracker = new ProgressTracker(['vision', 'audio'], (p) => seen.push(p), () => now, 0);
  now = 10_000;
  tracker.update('audio', 1);
  tracker.update('vision', 0.5);
  const last = seen.at(-1)!;
  const expected = (0.95 * 0.5 + 0.02) / 0.97;
  assert.ok(Math.abs(last.overall - expected) < 1e-9);
  assert.ok(Math.abs(last.etaSec! - (10 / expected) * (1 - expected)) < 1e-6);
});

test('reports are throttled but a finished stage is always reported', () => {
  let now = 0;
  const seen: PipelineProgress[] = [];
  const tracker = new ProgressTracker(['vision'], (p) => seen.push(p), () => now, 200);
  tracker.update('vision', 0.1);
  now = 50;
  tracker.update('vision', 0.2);
  now = 60;
  tracker.update('vision', 1);
  assert.deepEqual(seen.map((p) => p.fraction), [0.1, 1]);
  assert.equal(seen.at(-1)!.etaSec, 0);
});
