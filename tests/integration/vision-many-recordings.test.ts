/**
 * One vision engine, many recordings in a row — what the app's long-running backend and the test suite
 * do. Each recording must come out exactly as a freshly started engine would analyse it (byte-equal
 * tracks), the replaced workers must be gone, and closing the engine must leave no browser process.
 * Chromium 156 aborted MediaPipe on the third recording when a worker re-created its landmarker.
 */
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { FaceTracker } from '../../lib/vision/face-tracker.ts';
import { decodeVideoFrames } from '../../main/media/decode-video.ts';
import { runVisionStage } from '../../main/pipeline/run-vision.ts';
import { startChromiumVision, type HeadlessVisionEngine } from '../../main/vision/headless/chromium-vision.ts';
import { runningProcesses } from '../../main/chromium/process-tree.ts';
import { scratch, video, visionModels } from '../helpers/paths.ts';
import { chromiumProcessesUnder } from '../helpers/processes.ts';
import { rewoundMatroska } from '../helpers/spliced.ts';

const MODELS = await visionModels();
const WORKERS = 2;

async function tracksOf(engine: HeadlessVisionEngine, file: string): Promise<string> {
  const tracker = new FaceTracker();
  await runVisionStage(decodeVideoFrames(file, { fps: 5, maxSide: 320 }), engine, (result) => tracker.push(result));
  return JSON.stringify(tracker.tracks());
}

async function settlesTo(read: () => number, expected: number, withinMs: number): Promise<number> {
  for (const start = Date.now(); Date.now() - start < withinMs && read() !== expected; ) await delay(50);
  return read();
}

describe('one vision engine analysing ten recordings in a row', { timeout: 900_000 }, () => {
  const work = scratch('many');
  let sequence: string[];
  const fresh = new Map<string, string>();

  beforeAll(async () => {
    const rewound = rewoundMatroska(work.dir).file;
    const [neutral, happy, fearful, pexels, webcam, group] = [
      '01-01-01-01-02-01-05.mp4', '01-01-03-01-01-02-05.mp4', '01-01-06-02-02-02-05.mp4',
      'WolfgangLanger_Pexels.mp4', 'default.wmv', 'multi_face.avi',
    ].map(video) as [string, string, string, string, string, string];
    // Repeats on purpose: the same clip twice, and multi_face.avi before default.wmv (its last faces once leaked into the next recording).
    sequence = [neutral, happy, fearful, pexels, webcam, group, neutral, group, webcam, rewound];
    for (const file of new Set(sequence)) {
      const engine = await startChromiumVision({ models: MODELS, workers: WORKERS });
      try {
        fresh.set(file, await tracksOf(engine, file));
      } finally {
        await engine.close();
      }
    }
  });
  afterAll(() => work.remove());

  it('gives each recording the tracks a fresh engine gives it, replaces its workers, and leaves nothing running', async () => {
    assert.deepEqual(chromiumProcessesUnder(), [], 'the fresh engines left a browser behind');
    const engine = await startChromiumVision({ models: MODELS, workers: WORKERS });
    const pids = engine.processIds();
    try {
      for (const [i, file] of sequence.entries()) {
        const tracks = await tracksOf(engine, file);
        assert.ok(tracks === fresh.get(file), `recording ${i + 1} (${file.split('/').at(-1)}) differs from a fresh engine's analysis of it`);
        assert.equal(await settlesTo(() => engine.liveWorkers(), WORKERS, 5_000), WORKERS, `after recording ${i + 1}: live vision workers`);
      }
    } finally {
      await engine.close();
    }
    assert.deepEqual(runningProcesses(pids), []);
    assert.deepEqual(chromiumProcessesUnder(), []);
  });
});
