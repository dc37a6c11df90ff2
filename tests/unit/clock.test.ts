import assert from 'node:assert/strict';
import { test } from 'vitest';
import { formatClock, parseClock } from '../../lib/time/clock.ts';

test('a typed time is read as the review writes it: m:ss, m:ss.s, h:mm:ss, or seconds', () => {
  assert.equal(parseClock('12:30'), 750);
  assert.equal(parseClock(' 0:07.5 '), 7.5);
  assert.equal(parseClock('1:02:07'), 3727);
  assert.equal(parseClock('75.5'), 75.5);
  assert.equal(parseClock('0'), 0);
  for (const sec of [0, 9.6, 59.9, 61.2, 3599.5, 3727.3]) assert.equal(parseClock(formatClock(sec, true)), sec, `round trip ${sec}`);
});

test('anything else is not a time', () => {
  for (const bad of ['', ':', '1:', ':30', '1:60', '1:75:00', 'ten', '-5', '1.5:30', '1:2:3:4', '1e3', '12:3x']) {
    assert.equal(parseClock(bad), null, JSON.stringify(bad));
  }
});
