/**
 * The caller's side of the vision page's frame protocol, whatever carries it (a loopback WebSocket for
 * headless Chromium, a MessagePort in the app): numbers each frame and each recording (stream), keeps a
 * pending map, settles it from the page's replies, and on any failure rejects everything in flight and
 * every later frame. Errors are FrameAnalysisErrors that carry the media time of the frame they stopped at.
 */
import type { VideoFrame } from '../media/types.ts';
import { encodeFrame, parsePageMessage } from './frame-wire.ts';
import { LANDMARK_TASK_KINDS, type FrameObservations, type ModelCost } from './types.ts';
import { FrameAnalysisError } from './frame-analysis-error.ts';

interface PendingDetect {
  t: number;
  resolve(observations: FrameObservations): void;
  reject(error: Error): void;
}

export class FrameRequests {
  private nextId = 1;
  private stream = 0;
  private readonly pending = new Map<number, PendingDetect>();
  private failure: Error | null = null;
  private readonly cost = Object.fromEntries(LANDMARK_TASK_KINDS.map((kind) => [kind, { frames: 0, ms: 0 }])) as ModelCost;

  constructor(
    /** Sends one encoded frame; may throw, which fails that frame only. */
    private readonly send: (message: Uint8Array) => void,
    /** Told once, on the first failure, so the owner can close the page. */
    private readonly onFail: (error: Error) => void,
    /** Told when the page reports that its model and workers are ready. */
    private readonly onReady: () => void = () => undefined,
  ) {}

  /** Every frame from now on belongs to a new recording: the page analyses it as if freshly started. */
  beginStream(): void {
    this.stream++;
  }

  detect(frame: VideoFrame): Promise<FrameObservations> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      try {
        const message = encodeFrame(id, this.stream, frame);
        this.pending.set(id, { t: frame.t, resolve, reject });
        this.send(message);
      } catch (error) {
        this.pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** Each landmark task's frames and total model time so far, over every stream. */
  modelCost(): ModelCost {
    return structuredClone(this.cost);
  }

  /** Handles one text message from the page. */
  receive(text: string): void {
    let message;
    try {
      message = parsePageMessage(text);
    } catch (error) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (message.kind === 'fatal') {
      this.fail(new Error(`the vision page stopped: ${message.message}`));
      return;
    }
    if (message.kind === 'ready') {
      this.onReady();
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.kind === 'observations') {
      for (const [kind, ms] of Object.entries(message.ms ?? {}) as [keyof ModelCost, number][]) {
        this.cost[kind].frames++;
        this.cost[kind].ms += ms;
      }
      pending.resolve(message.observations);
    } else pending.reject(new FrameAnalysisError(message.message, pending.t));
  }

  /**
   * Rejects everything in flight and every later frame with `error`, which also names the earliest frame
   * still in flight (where the analysis stopped) unless it is an abort. Only the first call counts.
   */
  fail(error: Error): void {
    if (this.failure) return;
    const stoppedAt = Math.min(...[...this.pending.values()].map((p) => p.t));
    this.failure = error.name === 'AbortError' || error instanceof FrameAnalysisError ? error : new FrameAnalysisError(error.message, Number.isFinite(stoppedAt) ? stoppedAt : null);
    for (const pending of this.pending.values()) pending.reject(this.failure);
    this.pending.clear();
    this.onFail(this.failure);
  }
}
