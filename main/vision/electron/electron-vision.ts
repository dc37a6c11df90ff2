/**
 * The app's VisionEngineFactory: MediaPipe runs in a hidden, sandboxed BrowserWindow that loads the vision
 * host page from `attune://vision/` in its own in-memory session, and receives frames over a
 * MessageChannelMain. Why a hidden window and not the review window or a utility process: see
 * docs/security.md ("The vision window"). This file can only be type-checked without the Electron binary.
 */
import { BrowserWindow, MessageChannelMain, type Session } from 'electron';
import { APP_SCHEME } from '../../../lib/ipc/origins.ts';
import { VISION_PORT_CHANNEL } from '../../../lib/ipc/vision-port.ts';
import { visionPageQuery } from '../../../lib/vision/page-params.ts';
import { DEFAULT_PEOPLE } from '../../../lib/vision/face-tracker.ts';
import { VISION_PAGE_PATHS } from '../../../lib/vision/vision-page-paths.ts';
import type { VisionDelegate } from '../../../lib/vision/types.ts';
import { defaultVisionWorkers } from '../default-workers.ts';
import type { VisionEngine, VisionEngineFactory, VisionEngineOptions } from '../../pipeline/types.ts';
import type { VisionModels } from '../vision-files.ts';
import { PortVisionEngine } from './port-vision-engine.ts';

export const VISION_HOST = 'vision';
export const VISION_PARTITION = 'attune-vision';

export interface ElectronVisionDeps {
  /** The vision partition's session: hardened, with attune://vision/ registered on it and nothing else. */
  session: Session;
  preloadPath: string;
  /** Points the vision protocol's model paths at the model files verified for this run. */
  serveModels(models: VisionModels): void;
  delegate?: VisionDelegate;
}

const START_TIMEOUT_MS = 60_000;
const QUEUE_DEPTH = 2;

export function electronVisionFactory(deps: ElectronVisionDeps): VisionEngineFactory {
  return async (options: VisionEngineOptions): Promise<VisionEngine> => {
    deps.serveModels(options.models);
    const workers = options.workers ?? defaultVisionWorkers();
    const window = new BrowserWindow({
      show: false,
      webPreferences: {
        session: deps.session,
        // The vision preload only forwards the frame port to the page; it exposes no API.
        preload: deps.preloadPath, // eng-disable PRELOAD_JS_CHECK
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webSecurity: true,
        // A hidden window is throttled by default; analysis must run at full speed while nobody looks.
        backgroundThrottling: false,
        spellcheck: false,
        devTools: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    const { port1, port2 } = new MessageChannelMain();
    window.webContents.once('did-finish-load', () => window.webContents.postMessage(VISION_PORT_CHANNEL, null, [port2]));
    const engine = new PortVisionEngine(
      port1,
      workers * QUEUE_DEPTH,
      () => (window.isDestroyed() ? [] : [window.webContents.getOSProcessId()]),
      () => {
        if (!window.isDestroyed()) window.destroy();
      },
    );
    window.webContents.once('render-process-gone', (_event, details) =>
      engine.fail(new Error(`the vision page's process ended (${details.reason})`)),
    );
    const query = visionPageQuery({ channel: { kind: 'port' }, workers, delegate: deps.delegate ?? 'CPU', faceLandmarks: options.faceLandmarks ?? false, maxFaces: options.maxFaces ?? DEFAULT_PEOPLE });
    try {
      await window.loadURL(`${APP_SCHEME}://${VISION_HOST}${VISION_PAGE_PATHS.page}?${query}`);
      await engine.ready(START_TIMEOUT_MS, options.signal);
    } catch (error) {
      engine.fail(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
    return engine;
  };
}
