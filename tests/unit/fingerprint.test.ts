import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, test } from 'vitest';
import { fingerprintRecording } from '../../main/media/fingerprint.ts';
import { MediaError } from '../../main/media/media-error.ts';
import { scratch } from '../helpers/paths.ts';

const work = scratch('fingerprint');
afterAll(() => work.remove());

test("a recording's fingerprint is the sha256 of its bytes", async () => {
  const file = join(work.dir, 'session.mp4');
  writeFileSync(file, 'not really a recording, but bytes all the same');
  const expected = createHash('sha256').update('not really a recording, but bytes all the same').digest('hex');
  assert.equal(await fingerprintRecording(file), expected);
});

test('a recording deleted before it is read: one sentence saying so, not the system error', async () => {
  const error = await fingerprintRecording(join(work.dir, 'vanished.mp4')).catch((e: unknown) => e);
  assert.ok(error instanceof MediaError);
  assert.equal(error.code, 'not-found');
  assert.equal(error.message, '"vanished.mp4" was moved or deleted while it was being analysed. Nothing was saved.');
});

test('a recording that cannot be read (here a folder put in its place) is unreadable, in words', async () => {
  const dir = join(work.dir, 'replaced.mp4');
  mkdirSync(dir);
  const error = await fingerprintRecording(dir).catch((e: unknown) => e);
  assert.ok(error instanceof MediaError);
  assert.equal(error.code, 'unreadable');
  assert.match(error.message, /^"replaced\.mp4" could not be read to the end \(EISDIR\)\. Nothing was saved\.$/);
});

test('a cancelled fingerprint rejects with the cancellation, not a media error', async () => {
  const file = join(work.dir, 'cancelled.mp4');
  writeFileSync(file, Buffer.alloc(1 << 20));
  const controller = new AbortController();
  controller.abort(new Error('cancelled'));
  const error = await fingerprintRecording(file, controller.signal).catch((e: unknown) => e);
  assert.ok(!(error instanceof MediaError));
});
