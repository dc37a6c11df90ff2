/**
 * Launches headless Chromium with the vision page loaded, its workers initialised and the frame
 * socket connected — everything the engine needs, and nothing that can reach the network.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { WebSocket } from 'ws';
import { parsePageMessage } from '../../../lib/vision/frame-wire.ts';
import type { VisionDelegate } from '../../../lib/vision/types.ts';
import { VISION_PAGE_PATHS } from '../../../lib/vision/vision-page-paths.ts';
import { visionPageQuery } from '../../../lib/vision/page-params.ts';
import { DEFAULT_PEOPLE } from '../../../lib/vision/face-tracker.ts';
import { findChromium } from '../../chromium/find-chromium.ts';
import { headlessChromiumArgs } from '../../chromium/headless-args.ts';
import { openFrameSocket } from './frame-socket.ts';
import { findChildProcess, ProcessGroup } from '../../chromium/process-tree.ts';
import { visionCsp } from '../../privacy/content-security.ts';
import { checkVisionFiles, projectVisionRoots, visionFileTable, type VisionModels } from '../vision-files.ts';
import { serveVisionFiles, VISION_ORIGIN } from './serve-vision-files.ts';

export interface VisionPageOptions {
  models: VisionModels;
  workers: number;
  delegate: VisionDelegate;
  faceLandmarks?: boolean;
  /** The most faces looked for in a frame (default: two people). */
  maxFaces?: number;
  signal?: AbortSignal;
}

export interface VisionPage {
  readonly browser: Browser;
  readonly page: Page;
  readonly socket: WebSocket;
  /** Every request the browser attempted that was refused (anything but our own files). */
  readonly blockedRequests: readonly string[];
  processIds(): number[];
  /** Closes the browser and kills any of its processes that outlive it. Safe to call twice. */
  close(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 180_000;
const CLOSE_GRACE_MS = 5_000;

const PRIVATE_HEADLESS_ARGS = [
  // tasks-vision draws every frame through WebGL, even on the CPU delegate; with no GPU (CI, servers) it runs in SwiftShader.
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  ...headlessChromiumArgs({ loopback: true }),
];

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('vision engine start was aborted', 'AbortError');
}

export async function openVisionPage(options: VisionPageOptions): Promise<VisionPage> {
  const { signal } = options;
  if (signal?.aborted) throw abortError(signal);
  const executablePath = findChromium();
  const roots = projectVisionRoots();
  const files = visionFileTable(roots, options.models);
  checkVisionFiles(files, roots);
  const frameSocket = await openFrameSocket(VISION_ORIGIN);
  // A switch only this launch carries, so its browser process can be told apart in /proc from any other.
  const marker = `--attune-vision-engine=${randomUUID()}`;
  let browser: Browser | null = null;
  let processes = new ProcessGroup(null);
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      processes.running();
      // A hung browser must not hold up closing: after a grace period its processes are killed.
      await Promise.race([browser?.close().catch(() => undefined), delay(CLOSE_GRACE_MS, undefined, { ref: false })]);
      await frameSocket.close();
      processes.killSurvivors();
    })());

  try {
    // Launching cannot be interrupted, so an abort during it is honoured right after, before anything else starts.
    // Attune handles Ctrl-C itself (abort, clean up, say so); Playwright's own handlers would exit the process under it.
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [...PRIVATE_HEADLESS_ARGS, marker],
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    processes = new ProcessGroup(findChildProcess(process.pid, marker));
    signal?.throwIfAborted();
    const context = await browser.newContext({ serviceWorkers: 'block' });
    // Chromium blocks a public origin from reaching loopback unless granted; only our page is, and CSP narrows it to one port.
    await context.grantPermissions(['local-network-access'], { origin: VISION_ORIGIN });
    const blockedRequests: string[] = [];
    await serveVisionFiles(context, files, visionCsp(frameSocket.port), blockedRequests);
    const page = await context.newPage();
    const watch = watchStartup(page, signal);
    const query = visionPageQuery({ channel: { kind: 'socket', url: frameSocket.url }, workers: options.workers, delegate: options.delegate, faceLandmarks: options.faceLandmarks ?? false, maxFaces: options.maxFaces ?? DEFAULT_PEOPLE });
    try {
      await watch.step(page.goto(`${VISION_ORIGIN}${VISION_PAGE_PATHS.page}?${query}`), 'the vision page did not load');
      const socket = await watch.step(frameSocket.connection, 'the vision page did not connect to the frame socket');
      const [first] = (await watch.step(once(socket, 'message'), 'the vision page did not report ready')) as [Buffer];
      const ready = parsePageMessage(first.toString('utf8'));
      if (ready.kind !== 'ready') throw new Error(ready.kind === 'fatal' ? ready.message : `vision page sent "${ready.kind}" before it was ready`);
      return { browser, page, socket, blockedRequests, processIds: () => processes.running(), close };
    } finally {
      watch.stop();
    }
  } catch (error) {
    await close();
    throw signal?.aborted ? abortError(signal) : error;
  }
}

interface StartupWatch {
  /** Waits for one startup step, failing fast on abort, a page error or crash, or a page that never gets there. */
  step<T>(step: Promise<T>, timeoutMessage: string): Promise<T>;
  stop(): void;
}

function watchStartup(page: Page, signal: AbortSignal | undefined): StartupWatch {
  let failure: Error | null = null;
  const listeners = new Set<(error: Error) => void>();
  const fail = (error: Error): void => {
    failure ??= error;
    for (const listener of listeners) listener(failure);
  };
  const onPageError = (error: Error): void => fail(new Error(`the vision page failed while starting: ${error.message}`));
  const onCrash = (): void => fail(new Error('the vision page crashed while starting'));
  const onAbort = (): void => fail(abortError(signal as AbortSignal));
  page.on('pageerror', onPageError);
  page.on('crash', onCrash);
  // An abort between launching and here has already fired its event; it must still stop the start-up.
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort);
  return {
    step: <T>(step: Promise<T>, timeoutMessage: string) =>
      new Promise<T>((resolve, reject) => {
        if (failure) {
          // The step was already started (e.g. a navigation); its own later failure is expected, not news.
          step.catch(() => undefined);
          return reject(failure);
        }
        // Settled by whichever comes first — the step, its timeout, or a failure (abort, crash) — and the
        // timer is cleared on every path, so a cancelled start-up leaves nothing keeping Node alive.
        const settle = (finish: () => void): void => {
          clearTimeout(timer);
          listeners.delete(onFailure);
          finish();
        };
        const onFailure = (error: Error): void => settle(() => reject(error));
        const timer = setTimeout(() => onFailure(new Error(`${timeoutMessage} within ${STARTUP_TIMEOUT_MS / 1000} s`)), STARTUP_TIMEOUT_MS);
        listeners.add(onFailure);
        step.then(
          (value) => settle(() => resolve(value)),
          (error: unknown) => onFailure(error instanceof Error ? error : new Error(String(error))),
        );
      }),
    stop() {
      page.off('pageerror', onPageError);
      page.off('crash', onCrash);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}
