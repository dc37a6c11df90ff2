/**
 * The small protocol every Attune worker speaks, whether it is a Node `worker_threads`
 * worker (audio) or a module Web Worker in Chromium (vision):
 * requests carry ids, responses and progress messages name the request they belong to,
 * errors cross the boundary serialised, and a crashed worker rejects everything pending.
 */

export interface SerializedError {
  name: string;
  message: string;
  code?: string;
}

export type RpcRequest = { kind: 'request'; id: number; method: string; params: unknown };
export type RpcReply =
  | { kind: 'result'; id: number; result: unknown }
  | { kind: 'error'; id: number; error: SerializedError }
  | { kind: 'progress'; id: number; progress: unknown };

/** Method name → [params, result, progress]. */
export type RpcApi = Record<string, [unknown, unknown, unknown]>;

/** What the client needs from a worker, whatever hosts it. */
export interface RpcEndpoint {
  post(message: RpcRequest, transfer: Transferable[]): void;
  /** Subscribes to messages; returns the unsubscribe. */
  onMessage(listener: (message: unknown) => void): () => void;
  /** Subscribes to the worker dying (crash, exit, error event); returns the unsubscribe. */
  onFailure(listener: (error: Error) => void): () => void;
  terminate(): void;
}

export class WorkerCrashedError extends Error {
  override name = 'WorkerCrashedError';
}

export class WorkerTimeoutError extends Error {
  override name = 'WorkerTimeoutError';
}

export class RemoteError extends Error {
  readonly code: string | undefined;
  constructor(serialized: SerializedError) {
    super(serialized.message);
    this.name = serialized.name;
    this.code = serialized.code;
  }
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'Error', message: String(error) };
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress: ((progress: unknown) => void) | undefined;
  cleanup(): void;
}

export interface CallOptions<P> {
  transfer?: Transferable[];
  signal?: AbortSignal;
  onProgress?: (progress: P) => void;
  timeoutMs?: number;
}

function isReply(message: unknown): message is RpcReply {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as { kind?: unknown; id?: unknown };
  return (m.kind === 'result' || m.kind === 'error' || m.kind === 'progress') && typeof m.id === 'number';
}

export class RpcClient<Api extends RpcApi> {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly unsubscribe: (() => void)[];
  private failure: Error | null = null;

  constructor(
    private readonly endpoint: RpcEndpoint,
    private readonly defaultTimeoutMs: number,
  ) {
    this.unsubscribe = [
      endpoint.onMessage((message) => this.receive(message)),
      endpoint.onFailure((error) => this.fail(new WorkerCrashedError(error.message))),
    ];
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  call<K extends keyof Api & string>(
    method: K,
    params: Api[K][0],
    options: CallOptions<Api[K][2]> = {},
  ): Promise<Api[K][1]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<Api[K][1]>((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
      // A worker that stops answering is treated like one that crashed: the caller is told,
      // and the worker is torn down so nothing else waits on it forever.
      const timer = setTimeout(
        () => this.fail(new WorkerTimeoutError(`worker did not answer "${method}" within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const onAbort = (): void => {
        this.settle(id, (p) => p.reject(abortError(options.signal)));
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: resolve as (value: unknown) => void,
        reject,
        onProgress: options.onProgress as ((progress: unknown) => void) | undefined,
        cleanup: () => {
          clearTimeout(timer);
          options.signal?.removeEventListener('abort', onAbort);
        },
      });
      if (options.signal?.aborted) {
        onAbort();
        return;
      }
      this.endpoint.post({ kind: 'request', id, method, params }, options.transfer ?? []);
    });
  }

  /** Terminates the worker and rejects everything still pending. */
  dispose(reason = 'worker was closed'): void {
    this.fail(new WorkerCrashedError(reason));
  }

  private receive(message: unknown): void {
    if (!isReply(message)) return;
    if (message.kind === 'progress') {
      this.pending.get(message.id)?.onProgress?.(message.progress);
      return;
    }
    if (message.kind === 'result') this.settle(message.id, (p) => p.resolve(message.result));
    else this.settle(message.id, (p) => p.reject(new RemoteError(message.error)));
  }

  private settle(id: number, action: (pending: Pending) => void): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    pending.cleanup();
    action(pending);
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const off of this.unsubscribe) off();
    this.endpoint.terminate();
    for (const id of [...this.pending.keys()]) this.settle(id, (p) => p.reject(error));
  }
}

function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException('The operation was aborted', 'AbortError');
}

/** Worker side: what a handler may do besides returning its result. */
export interface HandlerContext<P> {
  progress(progress: P): void;
}

export type RpcHandlers<Api extends RpcApi> = {
  [K in keyof Api]: (
    params: Api[K][0],
    context: HandlerContext<Api[K][2]>,
  ) => Api[K][1] | Promise<Api[K][1]>;
};

/** Worker side: answers requests with the handlers; a handler may return transferables via `transferOf`. */
export function serveRpc<Api extends RpcApi>(
  post: (reply: RpcReply, transfer: Transferable[]) => void,
  handlers: RpcHandlers<Api>,
  transferOf: (result: unknown) => Transferable[] = () => [],
): (message: unknown) => void {
  return (message) => {
    const request = message as RpcRequest;
    if (typeof request !== 'object' || request === null || request.kind !== 'request') return;
    const handler = (handlers as Record<string, RpcHandlers<RpcApi>[string] | undefined>)[request.method];
    const context: HandlerContext<unknown> = {
      progress: (progress) => post({ kind: 'progress', id: request.id, progress }, []),
    };
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown worker method "${request.method}"`);
        return handler(request.params, context);
      })
      .then(
        (result) => post({ kind: 'result', id: request.id, result }, transferOf(result)),
        (error: unknown) => post({ kind: 'error', id: request.id, error: serializeError(error) }, []),
      );
  };
}
