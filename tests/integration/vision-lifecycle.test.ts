/**
 * The vision engine's processes: closing or aborting leaves no Chromium behind, and a dead page
 * rejects every frame in flight with an error that says so.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { beforeAll, describe, it } from 'vitest';
import type { VideoFrame } from '../../lib/media/types.ts';
import { decodeVideoFrames } from '../../main/media/decode-video.ts';
import { startChromiumVision } from '../../main/vision/headless/chromium-vision.ts';
import { runningProcesses } from '../../main/chromium/process-tree.ts';
import { chromiumProcessesUnder } from '../helpers/processes.ts';
import { video, visionModels } from '../helpers/paths.ts';

const MODELS = await visionModels();

async function gone(pids: number[], withinMs: number): Promise<number[]> {
  for (const start = Date.now(); Date.now() - start < withinMs; await delay(100)) {
    if (runningProcesses(pids).length === 0) return [];
  }
  return runningProcesses(pids);
}

describe('vision engine lifecycle', { timeout: 300_000 }, () => {
  let frames: VideoFrame[];

  beforeAll(async () => {
    frames = [];
    for await (const frame of decodeVideoFrames(video('01-01-01-01-02-01-05.mp4'), { fps: 5, maxSide: 480 })) frames.push(frame);
  });

  it('runs as a browser with its helper processes, and close() leaves none of them running', async () => {
    const engine = await startChromiumVision({ models: MODELS, workers: 1 });
    const pids = engine.processIds();
    assert.ok(pids.length >= 2, `engine reports processes ${pids.join(', ')}`);
    assert.deepEqual([...pids].sort(), [...chromiumProcessesUnder()].sort());
    assert.equal((await engine.detect(frames[0]!)).faces.length, 1);
    await engine.close();
    assert.deepEqual(runningProcesses(pids), []);
    assert.deepEqual(chromiumProcessesUnder(), []);
    await assert.rejects(engine.detect(frames[1]!), /closed/);
  });

  it('aborting mid-stream rejects the frames in flight at once and takes the browser down', async () => {
    const controller = new AbortController();
    const engine = await startChromiumVision({ models: MODELS, workers: 1, signal: controller.signal });
    const pids = engine.processIds();
    const inFlight = frames.slice(0, engine.capacity + 4).map((frame) => engine.detect(frame));
    const abortedAt = Date.now();
    controller.abort();
    const settled = await Promise.allSettled(inFlight);
    assert.ok(Date.now() - abortedAt < 1_000, `frames settled ${Date.now() - abortedAt} ms after the abort`);
    assert.ok(settled.some((s) => s.status === 'rejected' && (s.reason as Error).name === 'AbortError'));
    assert.deepEqual(await gone(pids, 10_000), []);
    await engine.close();
  });

  it('aborting while the browser starts rejects with AbortError and leaves no process', async () => {
    const controller = new AbortController();
    const starting = startChromiumVision({ models: MODELS, workers: 1, signal: controller.signal });
    await delay(300);
    controller.abort();
    await assert.rejects(starting, { name: 'AbortError' });
    assert.deepEqual(await gone(chromiumProcessesUnder(), 10_000), []);
  });

  it('a crashed page rejects every frame in flight, and every later one, with a clear error', async () => {
    const engine = await startChromiumVision({ models: MODELS, workers: 1 });
    const pids = engine.processIds();
    const renderers = pids.filter((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer'));
    assert.ok(renderers.length > 0, 'no renderer process found');
    const inFlight = frames.slice(0, engine.capacity).map((frame) => engine.detect(frame));
    for (const pid of renderers) process.kill(pid, 'SIGKILL');
    const settled = await Promise.allSettled(inFlight);
    const errors = settled.flatMap((s) => (s.status === 'rejected' ? [(s.reason as Error).message] : []));
    // Frames the page answered before it died may have resolved; every other one must carry the reason.
    assert.ok(errors.length > 0, 'no frame was rejected');
    for (const message of errors) assert.match(message, /crashed|closed its frame socket/);
    await assert.rejects(engine.detect(frames[0]!), /crashed|closed its frame socket/);
    await engine.close();
    assert.deepEqual(await gone(pids, 10_000), []);
  });
});
