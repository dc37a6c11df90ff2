/**
 * When the face engine itself fails mid-analysis — here for real: the browser process that runs the
 * MediaPipe workers is killed — the user sees one plain sentence that names where in the recording it
 * stopped, gets the "cannot be analysed" exit code, and nothing is saved or left running.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, test } from 'vitest';
import { processTree } from '../../main/chromium/process-tree.ts';
import { clockTime } from '../../main/vision/vision-failure.ts';
import { ffmpeg } from '../helpers/ffmpeg.ts';
import { CLI, MODELS_DIR, scratch, video } from '../helpers/paths.ts';
import { liveProcessesMatching } from '../helpers/processes.ts';

const tmp = scratch('vision-failure');
afterAll(tmp.remove);

const renderersUnder = (pid: number): number[] =>
  processTree(pid).filter((child) => {
    try {
      return readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('--type=renderer');
    } catch {
      return false;
    }
  });

test('clock times read as a player shows them', () => {
  assert.deepEqual([0, 0.04, 9.96, 75.25, 3600].map(clockTime), ['0:00.0', '0:00.0', '0:10.0', '1:15.3', '60:00.0']);
});

test('a face engine that dies mid-analysis gives one plain sentence with the time, exit 3, and leaves nothing behind', { timeout: 300_000 }, async () => {
  const long = join(tmp.dir, 'long.mp4');
  ffmpeg('-stream_loop', '4', '-i', video('WolfgangLanger_Pexels.mp4'), '-c', 'copy', long);
  const out = join(tmp.dir, 'out');
  const browsersBefore = new Set(liveProcessesMatching(/chrom/));
  const child = spawn(process.execPath, [CLI, 'analyze', long, '--out', out, '--workers', '1'], {
    env: { ...process.env, ATTUNE_MODELS_DIR: MODELS_DIR },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const closed = new Promise<number | null>((done) => child.on('close', done));
  // Well into the faces stage (progress lines come every tenth of the job), so frames are in flight.
  for (const start = Date.now(); !/\b[1-9]0%.*\(faces\)/.test(stderr); await delay(50)) {
    assert.ok(Date.now() - start < 120_000, `the analysis never got going:\n${stderr}`);
  }
  const renderers = renderersUnder(child.pid!);
  assert.ok(renderers.length > 0, 'no renderer process found under the CLI');
  for (const pid of renderers) process.kill(pid, 'SIGKILL');
  const code = await closed;

  assert.equal(code, 3, stderr);
  const last = stderr.trim().split('\n').at(-1) ?? '';
  assert.match(last, /^attune: Face analysis of "long\.mp4" stopped at \d+:\d\d\.\d because the face engine failed; nothing was saved/);
  assert.doesNotMatch(stderr, /wasm|Aborted|renderer|socket|^\s+at .+:\d+/im, 'engine internals or a stack trace reached the user');
  const [, minutes, seconds] = /at (\d+):(\d\d\.\d)/.exec(last)!;
  const stoppedAt = Number(minutes) * 60 + Number(seconds);
  assert.ok(stoppedAt > 0 && stoppedAt < 100, `stopped at ${stoppedAt} s of a 98 s recording`);
  assert.ok(!existsSync(join(out, 'analysis.json')));
  assert.deepEqual(existsSync(out) ? readdirSync(out) : [], []);
  for (const start = Date.now(); Date.now() - start < 10_000; await delay(100)) {
    if (liveProcessesMatching(/chrom/).every((line) => browsersBefore.has(line))) break;
  }
  assert.deepEqual(liveProcessesMatching(/chrom/).filter((line) => !browsersBefore.has(line)), [], 'no browser process left running');
});
