/**
 * Writing where the disk is full or read-only, on a real small file system (a tmpfs of 48 KB, mounted
 * for the test; it needs root, so elsewhere the test says why it is skipped): `attune export` fails with
 * one sentence and exit 5, the previous file is left whole, and no temporary file is left behind.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, test } from 'vitest';
import { knownAnalysis } from '../app/fixtures.ts';
import { failureLine, runCli } from '../helpers/cli.ts';
import { scratch } from '../helpers/paths.ts';

const work = scratch('full-disk');
const disk = join(work.dir, 'small-disk');
const analysisDir = join(work.dir, 'analysed');
const mounted = (() => {
  mkdirSync(disk, { recursive: true });
  return spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=48k', 'tmpfs', disk]).status === 0;
})();
const NO_DISK = 'mounting a small tmpfs needs root';

beforeAll(() => {
  mkdirSync(analysisDir, { recursive: true });
  writeFileSync(join(analysisDir, 'analysis.json'), JSON.stringify(knownAnalysis('a'.repeat(64))));
});
afterAll(() => {
  if (mounted) execFileSync('umount', [disk]);
  work.remove();
});

test('a full disk: one sentence, exit 5, the previous export whole, no temporary file', async (context) => {
  context.skip(!mounted, NO_DISK);
  const target = join(disk, 'session.html');
  writeFileSync(target, 'the previous report');
  // Fill what is left, so the new report cannot fit.
  spawnSync('dd', ['if=/dev/zero', `of=${join(disk, 'filler')}`, 'bs=1k', 'count=64'], { stdio: 'ignore' });
  const run = await runCli(['export', analysisDir, '--format', 'html', '--out', target], disk);
  assert.equal(run.code, 5, run.stderr);
  assert.match(failureLine(run), /^attune: The export could not be saved in .+small-disk because the disk is full\. Nothing was saved; choose another folder\.$/);
  assert.equal(readFileSync(target, 'utf8'), 'the previous report');
  assert.deepEqual(readdirSync(disk).sort(), ['filler', 'session.html']);
});

test('a read-only disk: one sentence, exit 5, nothing written', async (context) => {
  context.skip(!mounted, NO_DISK);
  execFileSync('mount', ['-o', 'remount,ro', disk]);
  try {
    const run = await runCli(['export', analysisDir, '--format', 'csv', '--out', join(disk, 'frames.csv')], disk);
    assert.equal(run.code, 5, run.stderr);
    assert.match(failureLine(run), /because that disk is read-only\. Nothing was saved; choose another folder\.$/);
    assert.equal(readdirSync(disk).includes('frames.csv'), false);
  } finally {
    execFileSync('mount', ['-o', 'remount,rw', disk]);
  }
});
