/**
 * Resume after a crash: the real CLI on the first 40 s of a two-person recording with sound (tests/
 * helpers/gallery-session.ts: a face change at 30 s while the other person speaks), analysed in 15-s
 * vision segments so that a short file has several. One analysis is killed with SIGKILL (ATTUNE_CRASH_AT:
 * no cleanup, as a power cut) at each point in turn — after the voice, at decoding, in the faces, before
 * fusion, mid-write — every run resuming the one before; the result must be the same bytes as a run
 * straight through, apart from createdAt.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.ts';
import { ffmpeg } from '../helpers/ffmpeg.ts';
import { makeGallerySession } from '../helpers/gallery-session.ts';
import { scratch, video } from '../helpers/paths.ts';

const work = scratch('resume');
const recording = join(work.dir, 'gallery-40s.mp4');
const SEGMENTS = { ATTUNE_VISION_SEGMENT_SEC: '15' };

/** analysis.json's bytes without the one field that may differ between runs. */
const withoutCreatedAt = (out: string): string => readFileSync(join(out, 'analysis.json'), 'utf8').replace(/"createdAt":"[^"]*"/, '"createdAt":""');

function analyse(out: string, options: { resume?: boolean; crashAt?: string; file?: string; workers?: number } = {}): Promise<CliRun> {
  const args = ['analyze', options.file ?? recording, '--out', out, ...(options.resume ? ['--resume'] : []), ...(options.workers ? ['--workers', String(options.workers)] : [])];
  return runCli(args, out, 180_000, { ...SEGMENTS, ...(options.crashAt ? { ATTUNE_CRASH_AT: options.crashAt } : {}) });
}

function assertCrashed(run: CliRun, point: string): void {
  assert.equal(run.signal, 'SIGKILL', `it crashed at ${point}: ${run.stderr}`);
  assert.ok(!run.outFiles.includes('analysis.json'), 'no results before the crash');
}

describe('resuming an analysis after a crash', () => {
  beforeAll(() => {
    const whole = join(work.dir, 'gallery.mp4');
    makeGallerySession(whole);
    ffmpeg('-i', whole, '-t', '40', '-c', 'copy', recording);
  });
  afterAll(() => work.remove());

  test('killed after the voice, at decoding, in the faces, before fusion and mid-write: each run carries on, and the result is a run straight through', async () => {
    const straightOut = join(work.dir, 'straight');
    const straight = await analyse(straightOut);
    assert.equal(straight.code, 0, straight.stderr);
    assert.deepEqual(straight.outFiles, ['analysis.json']);
    // The face change at 30 s gives a marker: the comparison is not of empty results.
    assert.ok((straight.analysis as { markers: unknown[] }).markers.length >= 1);

    const out = join(work.dir, 'crashing');
    assertCrashed(await analyse(out, { crashAt: 'voice' }), 'voice');
    const steps: [string, RegExp][] = [
      ['decode', /^Resuming: the voice analysis kept from the interrupted run\.$/m],
      ['faces', /^Resuming: the voice analysis kept from the interrupted run\.$/m],
      ['fusion', /^Resuming: faces and bodies analysed up to 0:15 and the voice analysis kept from the interrupted run\.$/m],
      ['write', /^Resuming: faces and bodies analysed up to 0:40 and the voice analysis kept from the interrupted run\.$/m],
    ];
    for (const [point, resumedFrom] of steps) {
      const run = await analyse(out, { resume: true, crashAt: point });
      assertCrashed(run, point);
      assert.match(run.stderr, resumedFrom, `resuming before the crash at ${point}`);
    }
    const leftByWrite = readdirSync(out);
    assert.ok(leftByWrite.some((name) => /^\.analysis\.json\.[0-9a-f]+\.tmp$/.test(name)), `a half-written file was left: ${leftByWrite.join(', ')}`);

    const last = await analyse(out, { resume: true });
    assert.equal(last.code, 0, last.stderr);
    assert.match(last.stderr, /^Resuming: faces and bodies analysed up to 0:40 and the voice analysis kept from the interrupted run\.$/m);
    assert.equal(withoutCreatedAt(out), withoutCreatedAt(straightOut), 'the same results as a run straight through');
    assert.deepEqual(readdirSync(out), ['analysis.json'], 'the saved progress and the half-written file are gone');
  });

  test('--resume with another recording, or with nothing saved: starts from the beginning and says why', async () => {
    const out = join(work.dir, 'other');
    assertCrashed(await analyse(out, { crashAt: 'voice' }), 'voice');
    const other = video('01-01-03-01-01-02-05.mp4');
    const run = await analyse(out, { resume: true, file: other });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^Note: The saved progress belongs to a different recording, so it was not used: the analysis started from the beginning\.$/m);
    assert.equal((run.analysis as { source: { file: string } }).source.file, '01-01-03-01-01-02-05.mp4');
    assert.deepEqual(readdirSync(out), ['analysis.json']);

    const again = await analyse(out, { resume: true, file: other });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /^Note: There was no unfinished analysis to resume here, so it started from the beginning\.$/m);
    assert.ok(!existsSync(join(out, '.attune-resume')));
  });

  test('--resume with another number of vision workers starts from the beginning: the numbers depend on it', async () => {
    const out = join(work.dir, 'workers');
    assertCrashed(await analyse(out, { crashAt: 'faces', workers: 1 }), 'faces');
    const run = await analyse(out, { resume: true, workers: 2 });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^Note: The saved progress was made with other settings or another version of Attune, so it was not used: the analysis started from the beginning\.$/m);
    assert.equal((run.analysis as { analysis: { settings: { visionWorkers: number } } }).analysis.settings.visionWorkers, 2);
  });
});
