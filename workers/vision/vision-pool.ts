/**
 * A pool of vision workers inside one page. Frame n always goes to worker n mod N, so each worker sees
 * strictly increasing times, as MediaPipe's VIDEO mode requires, and its frame-to-frame tracking state
 * depends only on the recording — never on which worker happened to be free — so the same recording
 * gives the same results on every run. A frame the model rejects fails alone; a worker that dies or
 * hangs fails the whole pool, because its tracking state and its frames are gone.
 */
import { RemoteError, RpcClient, type RpcEndpoint } from '../../lib/workers/rpc.ts';
import type { FrameFaces, VisionDelegate } from '../../lib/vision/types.ts';
import type { DetectParams, VisionWorkerApi } from './vision-worker-api.ts';

export interface VisionPoolOptions {
  workers: number;
  delegate: VisionDelegate;
  /** face_landmarker.task; each worker gets a copy. */
  model: ArrayBuffer;
  wasmLoaderUrl: string;
  wasmBinaryUrl: string;
  createWorker(): Worker;
  /** Told once when the pool breaks; every pending and later detect is rejected with the same error. */
  onFatal(error: Error): void;
}

/** Loading a 13 MB wasm and the model on a busy 2-core machine takes seconds, not minutes. */
const INIT_TIMEOUT_MS = 120_000;
/** One frame takes well under a second even on SwiftShader; a worker silent this long is stuck. */
const DETECT_TIMEOUT_MS = 30_000;

function workerEndpoint(worker: Worker): RpcEndpoint {
  return {
    post: (message, transfer) => worker.postMessage(message, transfer),
    onMessage(listener) {
      const onMessage = (event: MessageEvent): void => listener(event.data);
      worker.addEventListener('message', onMessage);
      return () => worker.removeEventListener('message', onMessage);
    },
    onFailure(listener) {
      const onError = (event: Event): void => {
        const detail = event instanceof ErrorEvent && event.message ? event.message : 'script failed to load or threw';
        listener(new Error(`vision worker failed: ${detail}`));
      };
      worker.addEventListener('error', onError);
      worker.addEventListener('messageerror', onError);
      return () => {
        worker.removeEventListener('error', onError);
        worker.removeEventListener('messageerror', onError);
      };
    },
    terminate: () => worker.terminate(),
  };
}

type VisionClient = RpcClient<VisionWorkerApi>;

export class VisionPool {
  private failure: Error | null = null;
  private frameCount = 0;

  private constructor(
    private readonly clients: VisionClient[],
    private readonly onFatal: (error: Error) => void,
  ) {}

  static async start(options: VisionPoolOptions): Promise<VisionPool> {
    if (!Number.isInteger(options.workers) || options.workers < 1) throw new Error(`worker count must be a positive integer, got ${options.workers}`);
    const clients = Array.from({ length: options.workers }, () => new RpcClient<VisionWorkerApi>(workerEndpoint(options.createWorker()), DETECT_TIMEOUT_MS));
    try {
      await Promise.all(
        clients.map((client) => {
          const model = options.model.slice(0);
          const params = { model, delegate: options.delegate, wasmLoaderUrl: options.wasmLoaderUrl, wasmBinaryUrl: options.wasmBinaryUrl };
          return client.call('init', params, { transfer: [model], timeoutMs: INIT_TIMEOUT_MS });
        }),
      );
    } catch (error) {
      for (const client of clients) client.dispose('vision pool failed to start');
      throw error;
    }
    return new VisionPool(clients, options.onFatal);
  }

  get size(): number {
    return this.clients.length;
  }

  /** The frame's pixel buffer is transferred to a worker: the caller must not touch it afterwards. */
  async detect(frame: DetectParams): Promise<FrameFaces> {
    if (this.failure) throw this.failure;
    const client = this.clients[this.frameCount++ % this.clients.length] as VisionClient;
    try {
      return await client.call('detect', frame, { transfer: [frame.pixels] });
    } catch (error) {
      const reason = error instanceof Error ? error : new Error(String(error));
      if (!(reason instanceof RemoteError)) this.fail(reason);
      throw reason;
    }
  }

  close(): void {
    this.fail(new Error('vision pool was closed'));
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const client of this.clients) client.dispose(`vision pool stopped: ${error.message}`);
    this.onFatal(error);
  }
}
