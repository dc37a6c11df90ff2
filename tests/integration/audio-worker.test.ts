/**
 * The audio stage through the real worker thread (dist/workers/audio-worker.mjs, built by
 * scripts/build.mjs): same results as the library in-process, bounded read-ahead, prompt cancellation,
 * and a clear failure when the worker dies.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { test } from 'vitest';
import type { Worker } from 'node:worker_threads';
import { AudioFrameAnalyser } from '../../lib/audio/frame-analyser.ts';
import { toVoiceTrack } from '../../lib/audio/voice-track.ts';
import type { AudioChunk } from '../../lib/media/types.ts';
import { WorkerCrashedError } from '../../lib/workers/rpc.ts';
import { decodeAudio } from '../../main/media/decode-audio.ts';
import { analyzeAudio, startAudioWorker } from '../../main/pipeline/audio/analyze-audio.ts';
import { speech } from '../helpers/paths.ts';
import { concat, silence, vowel } from '../helpers/audio-signals.ts';

const CLIP = speech('03-01-05-02-01-01-05.wav');

/** Starts the real worker and keeps hold of it, so a test can watch it exit or stop it. */
function trackedWorker(): { start: () => Worker; started: Worker[] } {
  const started: Worker[] = [];
  return {
    started,
    start: () => {
      const worker = startAudioWorker();
      started.push(worker);
      return worker;
    },
  };
}

/** Resolves when the worker thread has exited, or fails the test after 5 s. */
async function exited(worker: Worker): Promise<void> {
  if (worker.threadId === -1) return;
  await Promise.race([
    once(worker, 'exit'),
    new Promise((_, reject) => setTimeout(() => reject(new Error('worker still running after 5 s')), 5000).unref()),
  ]);
}

/** One second of speech-like sound after another, forever; `pulled` counts the seconds handed out. */
function endlessSpeech(): { chunks: AsyncGenerator<AudioChunk>; pulled: () => number } {
  const second = concat(vowel(140, 110, 0.6, 0.05), silence(0.4));
  let count = 0;
  async function* chunks(): AsyncGenerator<AudioChunk> {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      yield { t0: count, samples: second.slice() };
      count++;
    }
  }
  return { chunks: chunks(), pulled: () => count };
}

test('through the worker, a real clip gives exactly what the library gives in-process', async () => {
  const analyser = new AudioFrameAnalyser();
  for await (const chunk of decodeAudio(CLIP)) analyser.push(chunk);
  const local = analyser.finish();

  const progress: number[] = [];
  const tracked = trackedWorker();
  const result = await analyzeAudio(decodeAudio(CLIP), { onProgress: (sec) => progress.push(sec) }, tracked.start);

  assert.deepEqual(result.voice, toVoiceTrack(local));
  assert.deepEqual(result.speech, local.segments);
  assert.equal(result.voice.personId, null);
  assert.ok(result.voice.f0Hz.some((f0) => f0 !== null) && result.voice.f0Hz.every((f0) => f0 === null || f0 > 0));
  assert.deepEqual(result.voicePrints, local.voicePrints, 'the voice prints come back whole');
  // The prints stay in memory (typed arrays, NaN where a bin has no voicing); what goes into analysis.json must survive JSON.
  const written = { voice: result.voice, speech: result.speech };
  assert.deepEqual(JSON.parse(JSON.stringify(written)), written, 'JSON round trip loses nothing (no NaN, no Infinity)');
  assert.ok(progress.length > 0 && progress.every((sec, k) => k === 0 || sec > (progress[k - 1] as number)));
  assert.ok(Math.abs((progress.at(-1) as number) - local.durationSec) < 1e-9);
  await exited(tracked.started[0] as Worker);
});

test('the source is read at most a few seconds ahead of the worker (backpressure)', async () => {
  const source = endlessSpeech();
  const controller = new AbortController();
  let worstLead = 0;
  const run = analyzeAudio(source.chunks, {
    signal: controller.signal,
    onProgress: (sec) => {
      worstLead = Math.max(worstLead, source.pulled() - sec);
      if (sec >= 60) controller.abort();
    },
  });
  await assert.rejects(run, { name: 'AbortError' });
  // Four one-second messages in flight, one being assembled, one being yielded.
  assert.ok(worstLead <= 6, `source ran ${worstLead} s ahead`);
});

test('aborting mid-stream rejects promptly with an AbortError and ends the worker', async () => {
  const source = endlessSpeech();
  const controller = new AbortController();
  const tracked = trackedWorker();
  let abortedAt = 0;
  const run = analyzeAudio(
    source.chunks,
    {
      signal: controller.signal,
      onProgress: (sec) => {
        if (sec >= 3 && abortedAt === 0) {
          abortedAt = performance.now();
          controller.abort();
        }
      },
    },
    tracked.start,
  );
  await assert.rejects(run, { name: 'AbortError' });
  assert.ok(performance.now() - abortedAt < 500, 'rejected within 500 ms of the abort');
  await exited(tracked.started[0] as Worker);
});

test('aborting while the source is stalled still rejects promptly', async () => {
  async function* stalls(): AsyncGenerator<AudioChunk> {
    yield { t0: 0, samples: vowel(150, 130, 0.5, 0.05) };
    await new Promise(() => {});
  }
  const controller = new AbortController();
  const tracked = trackedWorker();
  const run = analyzeAudio(stalls(), { signal: controller.signal }, tracked.start);
  setTimeout(() => controller.abort(), 300);
  const started = performance.now();
  await assert.rejects(run, { name: 'AbortError' });
  assert.ok(performance.now() - started < 800, 'rejected within 500 ms of the abort');
  await exited(tracked.started[0] as Worker);
});

test('an already aborted signal rejects without starting a worker', async () => {
  const tracked = trackedWorker();
  await assert.rejects(analyzeAudio(endlessSpeech().chunks, { signal: AbortSignal.abort() }, tracked.start), {
    name: 'AbortError',
  });
  assert.equal(tracked.started.length, 0);
});

test('a worker that dies mid-run rejects the analysis with a WorkerCrashedError that says so', async () => {
  const tracked = trackedWorker();
  const run = analyzeAudio(
    endlessSpeech().chunks,
    {
      onProgress: (sec) => {
        if (sec >= 2) void tracked.started[0]?.terminate();
      },
    },
    tracked.start,
  );
  await assert.rejects(run, (error: unknown) => {
    assert.ok(error instanceof WorkerCrashedError);
    assert.match(error.message, /audio worker stopped unexpectedly/);
    return true;
  });
});

test('an error from the audio source rejects with that error and ends the worker', async () => {
  async function* breaks(): AsyncGenerator<AudioChunk> {
    yield { t0: 0, samples: vowel(150, 130, 0.5, 0.05) };
    throw new Error('decoder failed');
  }
  const tracked = trackedWorker();
  await assert.rejects(analyzeAudio(breaks(), {}, tracked.start), /decoder failed/);
  await exited(tracked.started[0] as Worker);
});

test('no audio at all gives empty columns', async () => {
  async function* nothing(): AsyncGenerator<AudioChunk> {}
  const result = await analyzeAudio(nothing());
  assert.deepEqual(result.voice, { personId: null, t: [], f0Hz: [], loudnessDb: [], speech: [] });
  assert.deepEqual(result.speech, []);
  assert.equal(result.voicePrints.voicedFrames.length, 0, 'no voice print without sound');
});
