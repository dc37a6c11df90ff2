import assert from 'node:assert/strict';
import { test } from 'vitest';
import { BodySchedule } from '../../lib/body/body-schedule.ts';

const dueTimes = (times: number[]): number[] => {
  const schedule = new BodySchedule();
  return times.filter((t) => schedule.due(t));
};

test('bodies are looked for in every third frame at 5 analysed frames a second, times slightly off or not', () => {
  assert.deepEqual(dueTimes([0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2]), [0, 0.6, 1.2]);
  assert.deepEqual(dueTimes([0.033, 0.2333, 0.4329, 0.6334, 0.833, 1.0331, 1.2329]), [0.033, 0.6334, 1.2329]);
});

test('5/3 times a second whatever the frame rate, and every frame when frames are further apart', () => {
  assert.equal(dueTimes(Array.from({ length: 120 }, (_, i) => i / 10)).length, 20);
  assert.deepEqual(dueTimes([0, 0.7, 1.4, 2.1]), [0, 0.7, 1.4, 2.1]);
});

test('after a gap (a frame the decoder dropped), the next frame is due', () => {
  assert.deepEqual(dueTimes([0, 0.2, 0.4, 0.8, 1.0, 1.2, 1.4]), [0, 0.8, 1.4]);
});
