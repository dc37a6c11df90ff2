/**
 * The vision host page: loads the model, starts a pool of vision workers and answers frames that
 * arrive on a FrameChannel. Settings come in the page's query string:
 * `socket` (the loopback WebSocket URL with its token), `workers` (pool size), `delegate` (CPU|GPU).
 * The Electron app will open the same page and pass a MessagePort instead of a socket URL.
 */
import { VISION_PAGE_PATHS } from '../../lib/vision/vision-page-paths.ts';
import type { VisionDelegate } from '../../lib/vision/types.ts';
import { serveFrames, type FrameChannel } from './frame-channel.ts';
import { VisionPool } from './vision-pool.ts';
import { openWebSocketChannel } from './websocket-channel.ts';

interface PageSettings {
  socketUrl: string;
  workers: number;
  delegate: VisionDelegate;
}

function readSettings(query: URLSearchParams): PageSettings {
  const socketUrl = query.get('socket');
  if (!socketUrl) throw new Error('vision page opened without a frame socket');
  const delegate = query.get('delegate') ?? 'CPU';
  if (delegate !== 'CPU' && delegate !== 'GPU') throw new Error(`unknown delegate "${delegate}"`);
  return { socketUrl, workers: Number(query.get('workers') ?? '1'), delegate };
}

async function loadModel(): Promise<ArrayBuffer> {
  const response = await fetch(VISION_PAGE_PATHS.model);
  if (!response.ok) throw new Error(`face model could not be loaded (HTTP ${response.status})`);
  return response.arrayBuffer();
}

async function startServing(channel: FrameChannel, settings: PageSettings): Promise<void> {
  const pool = await VisionPool.start({
    workers: settings.workers,
    delegate: settings.delegate,
    model: await loadModel(),
    wasmLoaderUrl: new URL(VISION_PAGE_PATHS.wasmLoader, location.href).href,
    wasmBinaryUrl: new URL(VISION_PAGE_PATHS.wasmBinary, location.href).href,
    createWorker: () => new Worker(VISION_PAGE_PATHS.worker, { type: 'module' }),
    onFatal: (error) => channel.send({ kind: 'fatal', message: error.message }),
  });
  serveFrames(channel, pool);
  channel.send({ kind: 'ready', workers: pool.size, delegate: settings.delegate });
}

const settings = readSettings(new URLSearchParams(location.search));
const channel = await openWebSocketChannel(settings.socketUrl);
startServing(channel, settings).catch((error: unknown) =>
  channel.send({ kind: 'fatal', message: `vision page failed to start: ${error instanceof Error ? error.message : String(error)}` }),
);
