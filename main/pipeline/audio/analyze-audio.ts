/**
 * The audio stage: streams decoded 16 kHz audio to the audio worker (a `worker_threads` thread running
 * dist/workers/audio-worker.mjs) and returns the voice track and speech segments. A few one-second
 * messages are in flight at a time, so a fast decoder cannot run ahead of the analysis and memory stays
 * flat however long the session is.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { rechunk } from '../../../lib/audio/rechunk.ts';
import { toVoiceTrack } from '../../../lib/audio/voice-track.ts';
import type { AudioWorkerApi } from '../../../lib/audio/worker-api.ts';
import { AUDIO_SAMPLE_RATE, type AudioChunk } from '../../../lib/media/types.ts';
import { RpcClient } from '../../../lib/workers/rpc.ts';
import type { AudioResult } from '../types.ts';
import { workerThreadEndpoint } from './worker-endpoint.ts';

/** One second of audio per message: about 3 ms of work, so messaging costs little. */
const PUSH_SAMPLES = AUDIO_SAMPLE_RATE;
const MAX_IN_FLIGHT = 4;
/** A push takes milliseconds; a worker that does not answer for this long is hung. */
const PUSH_TIMEOUT_MS = 30_000;
/** Finishing runs speech detection over every frame, well under a second for an hour. */
const FINISH_TIMEOUT_MS = 120_000;

export interface AnalyzeAudioOptions {
  signal?: AbortSignal;
  /** Media seconds analysed so far. */
  onProgress?: (mediaSec: number) => void;
}

/**
 * The built worker, found from the repository root (the folder holding package.json), because this file
 * runs from TypeScript sources under tsx in tests and from dist/ when bundled, while the worker is always
 * the bundle.
 */
export function audioWorkerPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'workers', 'audio-worker.mjs');
    if (dirname(dir) === dir) throw new Error(`cannot find the repository root (package.json) above ${here}`);
  }
}

export function startAudioWorker(): Worker {
  const file = audioWorkerPath();
  if (!existsSync(file)) throw new Error(`audio worker bundle not found at ${file}; run "npm run build"`);
  const worker = new Worker(file);
  // An 'error' event with no listener would throw in this thread; failures reach the caller through the RPC endpoint.
  worker.on('error', () => {});
  return worker;
}

/** `startWorker` is replaceable so that tests can hold the real worker and stop it mid-run. */
export async function analyzeAudio(
  chunks: AsyncIterable<AudioChunk>,
  options: AnalyzeAudioOptions = {},
  startWorker: () => Worker = startAudioWorker,
): Promise<AudioResult> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const client = new RpcClient<AudioWorkerApi>(workerThreadEndpoint(startWorker(), 'audio worker'), PUSH_TIMEOUT_MS);
  const source = rechunk(chunks, PUSH_SAMPLES)[Symbol.asyncIterator]();
  const withSignal = signal ? { signal } : {};
  try {
    const inFlight: Promise<void>[] = [];
    for (;;) {
      const next = await untilAborted(source.next(), signal);
      if (next.done) break;
      const { t0, samples } = next.value;
      // rechunk hands out buffers of its own, so transferring them detaches nothing the caller holds.
      const push = client
        .call('push', { t0, samples }, { transfer: [samples.buffer], ...withSignal })
        .then(({ processedSec }) => onProgress?.(processedSec));
      // Each push is awaited below, in order; this only stops an early exit from leaving one unhandled.
      push.catch(() => {});
      inFlight.push(push);
      if (inFlight.length >= MAX_IN_FLIGHT) await inFlight.shift();
    }
    for (const push of inFlight) await push;
    const analysis = await client.call('finish', null, { timeoutMs: FINISH_TIMEOUT_MS, ...withSignal });
    return { voice: toVoiceTrack(analysis), speech: analysis.segments, voicePrints: analysis.voicePrints };
  } finally {
    client.dispose('audio analysis ended');
    // Not awaited: a source blocked in next() finishes that step first, and cancelling must not wait for it.
    source.return(undefined).catch(() => {});
  }
}

/** `promise`, or a rejection with the signal's reason as soon as it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
