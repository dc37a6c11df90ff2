/**
 * A pool of vision workers inside one page. Frame n of a recording always goes to worker n mod N, so
 * each worker sees strictly increasing times, as MediaPipe's VIDEO mode requires, and its
 * frame-to-frame tracking state depends only on the recording — never on which worker happened to be
 * free — so the same recording gives the same results on every run. A frame the model rejects fails
 * alone; a worker that dies or hangs fails the whole pool, because its tracking state and its frames
 * are gone.
 *
 * Each recording (stream) gets workers that have never seen a frame. A worker is never asked to build a
 * second set of landmark tasks: tasks-vision keeps one wasm instance per worker, and a landmarker closed and
 * re-created inside a used instance aborted the wasm on the third recording with Chromium 156. So at a
 * new stream the pool terminates its workers — which frees their wasm memory whole — and starts new
 * ones; the first stream uses the workers started with the page. Replacing costs one model load per
 * worker (about a second) per recording, and buys results identical to those of a fresh engine.
 */
import { BodySchedule } from '../../lib/body/body-schedule.ts';
import { RemoteError, RpcClient, type RpcEndpoint } from '../../lib/workers/rpc.ts';
import type { TaskModels, VisionDelegate } from '../../lib/vision/types.ts';
import type { DetectParams, DetectResult, VisionWorkerApi } from './vision-worker-api.ts';

export interface VisionPoolOptions {
  workers: number;
  delegate: VisionDelegate;
  /** The model of each landmark task; each worker gets its own copies. */
  models: TaskModels<ArrayBuffer>;
  wasmLoaderUrl: string;
  wasmBinaryUrl: string;
  tfjsWasmDirUrl: string;
  faceLandmarks: boolean;
  maxFaces: number;
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

/** One generation of workers: started together, used for one stream, terminated together. */
interface WorkerSet {
  clients: VisionClient[];
  /** Settles when every worker has loaded the model; a rejection means the set is unusable. */
  ready: Promise<void>;
  used: boolean;
}

function startWorkers(options: VisionPoolOptions): WorkerSet {
  const clients = Array.from({ length: options.workers }, () => new RpcClient<VisionWorkerApi>(workerEndpoint(options.createWorker()), DETECT_TIMEOUT_MS));
  const ready = Promise.all(
    clients.map((client) => {
      const models: TaskModels<ArrayBuffer> = { faces: options.models.faces.map((b) => b.slice(0)), bodies: options.models.bodies.map((b) => b.slice(0)) };
      const { delegate, wasmLoaderUrl, wasmBinaryUrl, tfjsWasmDirUrl, faceLandmarks, maxFaces } = options;
      return client.call('init', { models, delegate, wasmLoaderUrl, wasmBinaryUrl, tfjsWasmDirUrl, faceLandmarks, maxFaces }, { transfer: [...models.faces, ...models.bodies], timeoutMs: INIT_TIMEOUT_MS });
    }),
  ).then(() => undefined);
  // Whoever uses the set awaits `ready`; until then a failure must not count as unhandled.
  ready.catch(() => undefined);
  return { clients, ready, used: false };
}

function disposeSet(set: WorkerSet, reason: string): void {
  for (const client of set.clients) client.dispose(reason);
}

export class VisionPool {
  private failure: Error | null = null;
  private stream: number | null = null;
  private frameCount = 0;
  private bodySchedule = new BodySchedule();

  private constructor(
    private current: WorkerSet,
    private readonly options: VisionPoolOptions,
  ) {}

  static async start(options: VisionPoolOptions): Promise<VisionPool> {
    if (!Number.isInteger(options.workers) || options.workers < 1) throw new Error(`worker count must be a positive integer, got ${options.workers}`);
    const first = startWorkers(options);
    try {
      await first.ready;
    } catch (error) {
      disposeSet(first, 'vision pool failed to start');
      throw error;
    }
    return new VisionPool(first, options);
  }

  get size(): number {
    return this.current.clients.length;
  }

  /**
   * `stream` numbers the recording the frame belongs to; a new number starts fresh workers. The frame's
   * pixel buffer is transferred to a worker: the caller must not touch it afterwards.
   */
  async detect(stream: number, frame: Omit<DetectParams, 'bodies'>): Promise<DetectResult> {
    if (this.failure) throw this.failure;
    if (stream !== this.stream) this.beginStream(stream);
    const bodies = this.bodySchedule.due(frame.t);
    const set = this.current;
    set.used = true;
    const index = this.frameCount++ % set.clients.length;
    try {
      // Frames of a new stream queue here in arrival order until its workers are ready, so each worker still gets its frames in time order.
      await set.ready;
    } catch (error) {
      const reason = new Error(`vision workers for the new recording did not start: ${error instanceof Error ? error.message : String(error)}`);
      if (set === this.current) this.fail(reason);
      throw reason;
    }
    try {
      return await (set.clients[index] as VisionClient).call('detect', { ...frame, bodies }, { transfer: [frame.pixels] });
    } catch (error) {
      const reason = error instanceof Error ? error : new Error(String(error));
      // A worker of an earlier stream that was replaced rejects its leftovers; that is no failure of the pool.
      if (set === this.current && !(reason instanceof RemoteError)) this.fail(reason);
      throw reason;
    }
  }

  close(): void {
    this.fail(new Error('vision pool was closed'));
  }

  private beginStream(stream: number): void {
    this.stream = stream;
    this.frameCount = 0;
    this.bodySchedule = new BodySchedule();
    if (!this.current.used) return;
    // The old workers go first, so two generations never hold memory at once.
    disposeSet(this.current, 'a new recording started, so this vision worker was replaced');
    this.current = startWorkers(this.options);
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    disposeSet(this.current, `vision pool stopped: ${error.message}`);
    this.options.onFatal(error);
  }
}
