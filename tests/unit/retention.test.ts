/** When consent periods end, and which sessions the library warns about. */
import assert from 'node:assert/strict';
import { test } from 'vitest';
import { retentionEndsAt, upcomingDeletions } from '../../lib/consent/retention.ts';

test('a "keep until" date keeps the session through that day; a date and time ends at that moment', () => {
  assert.equal(retentionEndsAt({ retainUntil: '2026-12-10' }), Date.parse('2026-12-11T00:00:00Z'));
  assert.equal(retentionEndsAt({ retainUntil: '2026-12-10T09:30:00Z' }), Date.parse('2026-12-10T09:30:00Z'));
});

test('the library warns a week ahead, grouped by the day of deletion; not for what is further off, already due, or without consent', () => {
  const s = (id: string, retainUntil: string | null) => ({ id, consent: retainUntil === null ? null : { retainUntil } });
  const sessions = [s('a', '2026-12-10'), s('b', '2026-12-08'), s('c', '2026-12-10'), s('d', '2026-12-20'), s('e', '2026-12-01'), s('f', null)];
  const warned = upcomingDeletions(sessions, new Date('2026-12-06T12:00:00Z'));
  assert.deepEqual(warned.map((w) => [w.day, w.sessions.map((x) => x.id)]), [['2026-12-09', ['b']], ['2026-12-11', ['a', 'c']]]);
});
