import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, test } from 'vitest';
import type { VideoFrame } from '../../lib/media/types.ts';
import type { FrameObservations } from '../../lib/vision/types.ts';
import { checkpointParse, checkpointStringify } from '../../main/pipeline/resume/checkpoint-json.ts';
import { Checkpoints, type RunFingerprint } from '../../main/pipeline/resume/checkpoints.ts';
import { CHECKPOINT_FOLDER, folderCheckpoints } from '../../main/pipeline/resume/folder-checkpoints.ts';
import { runVisionStage, SavedFramesMismatch } from '../../main/pipeline/run-vision.ts';
import type { AudioResult, VisionEngine } from '../../main/pipeline/types.ts';
import { scratch } from '../helpers/paths.ts';

const work = scratch('checkpoints');
afterAll(() => work.remove());

describe('checkpoint JSON', () => {
  test('gives back exactly what was saved: NaN, ±Infinity, -0 and typed arrays included', () => {
    const value = {
      plain: [1, 0.1 + 0.2, null, 'text', true],
      odd: [NaN, Infinity, -Infinity, -0, 0],
      f32: new Float32Array([1.5, NaN, -0, 3.4e38]),
      u16: new Uint16Array([0, 65535]),
      nested: { deeper: [{ f64: new Float64Array([Math.PI]) }] },
      lookalike: { $n: 5 },
    };
    const back = checkpointParse(checkpointStringify(value)) as typeof value;
    assert.deepEqual(back, value);
    assert.ok(back.f32 instanceof Float32Array && back.u16 instanceof Uint16Array && back.nested.deeper[0]!.f64 instanceof Float64Array);
    assert.ok(Object.is(back.odd[3], -0) && Object.is(back.odd[4], 0));
    assert.ok(Object.is(back.f32[2], -0));
  });
});

const fingerprint: RunFingerprint = { sha256: 'a'.repeat(64), app: 'attune 0.1.0', settings: { visionFps: 5, visionSegmentSec: 10 } };

function observations(fromSec: number, count: number): FrameObservations[] {
  return Array.from({ length: count }, (_, i) => ({
    t: fromSec + i * 0.2,
    faces: [{ box: { x: 0.1, y: 0.2, w: 0.3, h: 0.4 }, yawDeg: -0, pitchDeg: 1, rollDeg: 2, blendshapes: [0.5, 1e-7] }],
    bodies: i % 3 === 0 ? [{ face: 0, keypoints: [0.5, 0.5, 0.9] }] : null,
  }));
}

const audio: AudioResult = {
  voice: { personId: null, t: [0, 0.01], f0Hz: [null, 120.5], loudnessDb: [-60, -20], speech: [0, 1] },
  speech: [{ startSec: 0.01, endSec: 0.5 }],
  voicePrints: { binSec: 0.5, coefficients: 12, mfccMean: new Float32Array([NaN, 1.25]), voicedFrames: new Uint16Array([0, 3]) },
} as unknown as AudioResult;

describe('checkpoints in a folder', () => {
  test('a resumed run gets back the segments and the voice saved, exactly', async () => {
    const store = folderCheckpoints(join(work.dir, 'whole'));
    const run = new Checkpoints(store, fingerprint, 10);
    await run.start();
    await run.saveVisionSegment(0, observations(0, 50));
    await run.saveVisionSegment(1, observations(10, 50));
    await run.saveAudio(audio);
    const saved = await new Checkpoints(store, fingerprint, 10).resume();
    assert.equal(saved.note, null);
    assert.deepEqual(saved.visionSegments, [observations(0, 50), observations(10, 50)]);
    assert.deepEqual(saved.audio, audio);
    await run.discard();
    assert.deepEqual(readdirSync(join(work.dir, 'whole')), []);
  });

  test('another recording, other settings, damage, or nothing saved: not used, and it says why', async () => {
    const dir = join(work.dir, 'foreign');
    const store = folderCheckpoints(dir);
    const saveTwo = async (): Promise<void> => {
      const run = new Checkpoints(store, fingerprint, 10);
      await run.start();
      await run.saveVisionSegment(0, observations(0, 50));
      await run.saveVisionSegment(1, observations(10, 50));
    };
    const resumeWith = (other: RunFingerprint) => new Checkpoints(store, other, 10).resume();

    assert.match((await resumeWith(fingerprint)).note ?? '', /no unfinished analysis to resume/);
    await saveTwo();
    const otherRecording = await resumeWith({ ...fingerprint, sha256: 'b'.repeat(64) });
    assert.deepEqual([otherRecording.visionSegments, otherRecording.audio], [[], null]);
    assert.match(otherRecording.note ?? '', /belongs to a different recording/);
    assert.deepEqual(readdirSync(join(dir, CHECKPOINT_FOLDER)), ['run.json'], 'the foreign progress is gone, this run’s fingerprint written');

    await saveTwo();
    assert.match((await resumeWith({ ...fingerprint, settings: { visionFps: 10, visionSegmentSec: 10 } })).note ?? '', /other settings or another version/);

    // One changed digit in the second segment: the first is kept, the rest analysed again.
    await saveTwo();
    const second = join(dir, CHECKPOINT_FOLDER, 'vision-0001.json');
    writeFileSync(second, readFileSync(second, 'utf8').replace('0.3', '0.4'));
    const damaged = await resumeWith(fingerprint);
    assert.deepEqual(damaged.visionSegments, [observations(0, 50)]);
    assert.match(damaged.note ?? '', /damaged; that part is analysed again/);

    // A run file that is not Attune's (or cut short).
    writeFileSync(join(dir, CHECKPOINT_FOLDER, 'run.json'), '{"format":"attune-checkpoint"');
    assert.match((await resumeWith(fingerprint)).note ?? '', /could not be read/);
  });
});

/** A stand-in engine that numbers its streams: which frames were analysed, and in which stream. */
function countingEngine(): VisionEngine & { analysed: { t: number; stream: number }[] } {
  let stream = 0;
  const analysed: { t: number; stream: number }[] = [];
  return {
    analysed,
    capacity: 3,
    beginStream: () => void stream++,
    detect: async (frame) => {
      analysed.push({ t: frame.t, stream });
      await new Promise((done) => setTimeout(done, (frame.t * 7) % 3));
      return { t: frame.t, faces: [], bodies: stream % 2 ? [] : null };
    },
    modelCost: () => ({ faces: { frames: 0, ms: 0 }, bodies: { frames: 0, ms: 0 } }),
    processIds: () => [],
    close: async () => undefined,
  };
}

async function* frames(times: number[]): AsyncGenerator<VideoFrame> {
  for (const t of times) yield { t, width: 1, height: 1, pixels: new Uint8Array(4).buffer } as unknown as VideoFrame;
}

describe('vision in segments', () => {
  const times = [0, 1, 2, 3, 4, 5, 6, 7, 25, 26];

  test('each segment starts a fresh stream and is handed over whole, in order; a segment without frames too', async () => {
    const engine = countingEngine();
    const saved: [number, number[]][] = [];
    const seen: number[] = [];
    await runVisionStage(frames(times), engine, (r) => seen.push(r.t), undefined, {
      seconds: 5,
      done: [],
      onSegment: async (index, list) => void saved.push([index, list.map((o) => o.t)]),
    });
    assert.deepEqual(seen, times);
    assert.deepEqual(saved, [[0, [0, 1, 2, 3, 4]], [1, [5, 6, 7]], [2, []], [3, []], [4, []], [5, [25, 26]]]);
    assert.deepEqual(engine.analysed.map((a) => a.stream), [1, 1, 1, 1, 1, 2, 2, 2, 3, 3]);
  });

  test('saved segments are replayed, not analysed, and the rest is analysed as in a run straight through', async () => {
    const straight = countingEngine();
    const through: FrameObservations[] = [];
    const segments: FrameObservations[][] = [];
    await runVisionStage(frames(times), straight, (r) => through.push(r), undefined, {
      seconds: 5,
      done: [],
      onSegment: async (_index, list) => void segments.push(list),
    });
    const resumed = countingEngine();
    const again: FrameObservations[] = [];
    const savedAgain: number[] = [];
    await runVisionStage(frames(times), resumed, (r) => again.push(r), undefined, {
      seconds: 5,
      done: segments.slice(0, 2),
      onSegment: async (index) => void savedAgain.push(index),
    });
    assert.deepEqual(again, through);
    assert.deepEqual(resumed.analysed.map((a) => a.t), [25, 26], 'only the unsaved frames');
    assert.deepEqual(savedAgain, [2, 3, 4, 5]);
  });

  test('saved frames that are not the decoded ones are refused', async () => {
    const saved = [observations(0, 5).map((o) => ({ ...o, t: o.t + 0.01 }))];
    await assert.rejects(
      runVisionStage(frames([0, 0.2, 0.4]), countingEngine(), () => undefined, undefined, { seconds: 5, done: saved }),
      SavedFramesMismatch,
    );
  });
});
