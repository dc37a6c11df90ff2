import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, test } from 'vitest';
import { OutputError, removeInterruptedWrites, writeAtomically } from '../../main/files/atomic-write.ts';
import { MediaError } from '../../main/media/media-error.ts';
import { scratch } from '../helpers/paths.ts';

const work = scratch('atomic-write');
afterAll(() => work.remove());

test('a write replaces the file whole, leaving no temporary file', async () => {
  const target = join(work.dir, 'a', 'out.json');
  await writeAtomically(target, ['{"a":', Buffer.from('1}')], 'The results');
  assert.equal(readFileSync(target, 'utf8'), '{"a":1}');
  assert.deepEqual(readdirSync(join(work.dir, 'a')), ['out.json']);
});

test('when making the bytes fails, its own error comes through and the previous file stays whole', async () => {
  const dir = join(work.dir, 'b');
  mkdirSync(dir);
  const target = join(dir, 'package.attune');
  writeFileSync(target, 'the previous package');
  async function* failing(): AsyncGenerator<Uint8Array> {
    yield Buffer.from('half of it');
    throw new MediaError('damaged', 'Part of the video in "x.mp4" is damaged near 3.0 s and could not be read, so nothing was saved.');
  }
  await assert.rejects(writeAtomically(target, failing(), 'The review package'), (error: unknown) => error instanceof MediaError && /damaged near 3\.0 s/.test(error.message));
  assert.equal(readFileSync(target, 'utf8'), 'the previous package');
  assert.deepEqual(readdirSync(dir), ['package.attune']);
});

test('a place that cannot take the file says so in words', async () => {
  const file = join(work.dir, 'not-a-folder');
  writeFileSync(file, 'x');
  await assert.rejects(
    writeAtomically(join(file, 'out.json'), ['{}'], 'The results'),
    (error: unknown) => error instanceof OutputError && /^The results could not be saved in .+not-a-folder because part of that path is a file, not a folder\. Nothing was saved/.test(error.message),
  );
});

test('the temporary files of a write killed half-way are removed, and only those', async () => {
  const dir = join(work.dir, 'killed');
  mkdirSync(dir);
  for (const name of ['analysis.json', '.analysis.json.0a1b2c3d4e5f.tmp', '.analysis.json.ffffffffffff.tmp', '.session.html.0a1b2c3d4e5f.tmp', 'notes.tmp']) {
    writeFileSync(join(dir, name), 'x');
  }
  await removeInterruptedWrites(join(dir, 'analysis.json'));
  assert.deepEqual(readdirSync(dir).sort(), ['.session.html.0a1b2c3d4e5f.tmp', 'analysis.json', 'notes.tmp']);
  await removeInterruptedWrites(join(work.dir, 'no-such-folder', 'analysis.json'));
});
