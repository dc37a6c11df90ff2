/**
 * A VisionEngine that talks to the vision host page over a message port (Electron's MessagePortMain in
 * the app). Frames go out as ArrayBuffers in the frame-wire encoding, answers come back as PageMessage
 * JSON text (lib/ipc/vision-port.ts). Kept apart from the window that hosts the page so the protocol
 * handling can be exercised under Node with any port of the same shape.
 */
import type { VideoFrame } from '../../../lib/media/types.ts';
import { FrameRequests } from '../../../lib/vision/frame-requests.ts';
import type { FrameObservations, ModelCost } from '../../../lib/vision/types.ts';
import type { VisionEngine } from '../../pipeline/types.ts';

/** The shape of Electron's MessagePortMain that this needs. */
export interface FramePort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  start(): void;
  close(): void;
}

export class PortVisionEngine implements VisionEngine {
  private readonly requests: FrameRequests;
  private readonly readyOrFailed: Promise<void>;
  private markReady!: () => void;
  private markFailed!: (error: Error) => void;

  constructor(
    private readonly port: FramePort,
    readonly capacity: number,
    private readonly hostProcessIds: () => number[],
    /** Closes whatever hosts the page (the hidden window). */
    private readonly closeHost: () => void,
  ) {
    this.readyOrFailed = new Promise<void>((resolve, reject) => {
      this.markReady = resolve;
      this.markFailed = reject;
    });
    // Start-up failures are reported through ready(); this keeps an unawaited rejection from being "unhandled".
    this.readyOrFailed.catch(() => {});
    // Main and page are different processes, so the bytes are copied across once; in the page the
    // buffer is then the page's own and is transferred to a worker without another copy.
    this.requests = new FrameRequests(
      (message) => this.port.postMessage(message.buffer),
      (error) => {
        this.markFailed(error);
        this.port.close();
        this.closeHost();
      },
      () => this.markReady(),
    );
    port.on('message', (event) => {
      if (typeof event.data === 'string') this.requests.receive(event.data);
    });
    port.on('close', () => this.fail(new Error('the vision page closed its frame port (window closed or page crashed)')));
    port.start();
  }

  /** Resolves when the page has loaded the model and started its workers. */
  async ready(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = (): void => this.fail(new DOMException('The analysis was cancelled.', 'AbortError'));
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      if (signal?.aborted) onAbort();
      timer = setTimeout(() => this.fail(new Error(`the vision page did not start within ${timeoutMs / 1000} s`)), timeoutMs);
      await this.readyOrFailed;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  beginStream(): void {
    this.requests.beginStream();
  }

  detect(frame: VideoFrame): Promise<FrameObservations> {
    return this.requests.detect(frame);
  }

  modelCost(): ModelCost {
    return this.requests.modelCost();
  }

  processIds(): number[] {
    return this.hostProcessIds();
  }

  async close(): Promise<void> {
    this.fail(new Error('the vision engine was closed'));
  }

  /** Rejects everything in flight and every later detect with `error`, and closes the page. */
  fail(error: Error): void {
    this.requests.fail(error);
  }
}
