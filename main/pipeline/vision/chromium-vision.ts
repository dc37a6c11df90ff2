/**
 * The VisionEngine for the CLI and tests: a pool of MediaPipe Face Landmarker workers in a private
 * headless Chromium, fed frames over a loopback WebSocket (see vision-browser.ts for how the
 * browser is locked away from the network).
 */
import { availableParallelism } from 'node:os';
import type { RawData } from 'ws';
import type { VideoFrame } from '../../../lib/media/types.ts';
import { encodeFrame, parsePageMessage, type PageMessage } from '../../../lib/vision/frame-wire.ts';
import type { FrameFaces, VisionDelegate } from '../../../lib/vision/types.ts';
import type { VisionEngine, VisionEngineFactory, VisionEngineOptions } from '../types.ts';
import { openVisionPage, type VisionPage } from './vision-browser.ts';

export interface ChromiumVisionOptions extends VisionEngineOptions {
  /** 'CPU' (default) runs the model in WebAssembly; 'GPU' in WebGL, which headless Chromium emulates slowly in SwiftShader. */
  delegate?: VisionDelegate;
  /** Frames each worker may have waiting in the page beyond the one it is on, so it never idles on the socket. */
  queueDepth?: number;
}

/**
 * One worker per core, leaving a core for ffmpeg, the audio stage and Chromium's own threads; the
 * measurements behind this are in the vision stage's report (on 2 cores a second worker adds little).
 */
export function defaultVisionWorkers(cores: number = availableParallelism()): number {
  return Math.max(1, Math.min(4, cores - 1));
}

const DEFAULT_QUEUE_DEPTH = 2;

interface PendingDetect {
  t: number;
  resolve(faces: FrameFaces): void;
  reject(error: Error): void;
}

class ChromiumVisionEngine implements VisionEngine {
  private nextId = 1;
  private readonly pending = new Map<number, PendingDetect>();
  private failure: Error | null = null;

  constructor(
    private readonly session: VisionPage,
    readonly capacity: number,
  ) {
    session.socket.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) this.receive(data.toString());
    });
    session.socket.on('close', () => this.fail(new Error('the vision page closed its frame socket (browser exited or page crashed)')));
    session.page.on('crash', () => this.fail(new Error('the vision page crashed (its renderer process died); all frames in flight are lost')));
    session.browser.on('disconnected', () => this.fail(new Error('the vision browser exited unexpectedly')));
  }

  detect(frame: VideoFrame): Promise<FrameFaces> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    let message: Uint8Array;
    try {
      message = encodeFrame(id, frame);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return new Promise((resolve, reject) => {
      this.pending.set(id, { t: frame.t, resolve, reject });
      this.session.socket.send(message, (error) => {
        if (error) this.fail(new Error(`could not send a frame to the vision page: ${error.message}`));
      });
    });
  }

  processIds(): number[] {
    return this.session.processIds();
  }

  async close(): Promise<void> {
    this.fail(new Error('the vision engine was closed'));
    await this.session.close();
  }

  /** Rejects everything in flight and every later detect with `error`, and shuts the browser down. */
  fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    void this.session.close();
  }

  private receive(text: string): void {
    let message: PageMessage;
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
    if (message.kind === 'ready') return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.kind === 'faces') pending.resolve(message.faces);
    else pending.reject(new Error(`face analysis failed for the frame at ${pending.t} s: ${message.message}`));
  }
}

export const startChromiumVision = (async (options: ChromiumVisionOptions): Promise<VisionEngine> => {
  const workers = options.workers ?? defaultVisionWorkers();
  const queueDepth = options.queueDepth ?? DEFAULT_QUEUE_DEPTH;
  const session = await openVisionPage({ modelFile: options.modelFile, workers, delegate: options.delegate ?? 'CPU', signal: options.signal });
  const engine = new ChromiumVisionEngine(session, workers * queueDepth);
  const { signal } = options;
  if (signal) {
    const onAbort = (): void => {
      engine.fail(signal.reason instanceof Error ? signal.reason : new DOMException('vision engine was aborted', 'AbortError'));
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  }
  return engine;
}) satisfies VisionEngineFactory;
