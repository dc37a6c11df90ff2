/**
 * The VisionEngine for the CLI and tests: a pool of MediaPipe Face Landmarker workers in a private
 * headless Chromium, fed frames over a loopback WebSocket (see vision-browser.ts for how the
 * browser is locked away from the network).
 */
import type { RawData } from 'ws';
import type { VideoFrame } from '../../../lib/media/types.ts';
import { FrameRequests } from '../../../lib/vision/frame-requests.ts';
import type { FrameObservations, ModelCost, VisionDelegate } from '../../../lib/vision/types.ts';
import type { VisionEngine, VisionEngineFactory, VisionEngineOptions } from '../../pipeline/types.ts';
import { defaultVisionWorkers } from '../default-workers.ts';
import { openVisionPage, type VisionPage } from './vision-browser.ts';

export interface ChromiumVisionOptions extends VisionEngineOptions {
  /** 'CPU' (default) runs the model in WebAssembly; 'GPU' in WebGL, which headless Chromium emulates slowly in SwiftShader. */
  delegate?: VisionDelegate;
  /** Frames each worker may have waiting in the page beyond the one it is on, so it never idles on the socket. */
  queueDepth?: number;
}

const DEFAULT_QUEUE_DEPTH = 2;

/** The headless engine also says how many vision workers are alive in its page, so tests can see that replaced ones are gone. */
export interface HeadlessVisionEngine extends VisionEngine {
  liveWorkers(): number;
}

class ChromiumVisionEngine implements HeadlessVisionEngine {
  private readonly requests: FrameRequests;
  private readonly onAbort: () => void;

  constructor(
    private readonly session: VisionPage,
    readonly capacity: number,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.requests = new FrameRequests(
      (message) =>
        session.socket.send(message, (error) => {
          if (error) this.fail(new Error(`could not send a frame to the vision page: ${error.message}`));
        }),
      () => {
        this.signal?.removeEventListener('abort', this.onAbort);
        void this.session.close();
      },
    );
    this.onAbort = () => this.fail(signal?.reason instanceof Error ? signal.reason : new DOMException('vision engine was aborted', 'AbortError'));
    if (signal?.aborted) this.onAbort();
    signal?.addEventListener('abort', this.onAbort, { once: true });
    session.socket.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) this.requests.receive(data.toString());
    });
    session.socket.on('close', () => this.fail(new Error('the vision page closed its frame socket (browser exited or page crashed)')));
    session.page.on('crash', () => this.fail(new Error('the vision page crashed (its renderer process died); all frames in flight are lost')));
    session.browser.on('disconnected', () => this.fail(new Error('the vision browser exited unexpectedly')));
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
    return this.session.processIds();
  }

  liveWorkers(): number {
    return this.session.page.workers().length;
  }

  async close(): Promise<void> {
    this.fail(new Error('the vision engine was closed'));
    await this.session.close();
  }

  /** Rejects everything in flight and every later detect with `error`, and shuts the browser down. */
  fail(error: Error): void {
    this.requests.fail(error);
  }
}

export const startChromiumVision = (async (options: ChromiumVisionOptions): Promise<HeadlessVisionEngine> => {
  const workers = options.workers ?? defaultVisionWorkers();
  const queueDepth = options.queueDepth ?? DEFAULT_QUEUE_DEPTH;
  const session = await openVisionPage({ models: options.models, workers, delegate: options.delegate ?? 'CPU', faceLandmarks: options.faceLandmarks, maxFaces: options.maxFaces, signal: options.signal });
  return new ChromiumVisionEngine(session, workers * queueDepth, options.signal);
}) satisfies VisionEngineFactory;
