/**
 * The vision host page: loads the model, starts a pool of vision workers and answers frames that
 * arrive on a FrameChannel. Settings come in the page's query string: `channel` — `socket` (headless
 * Chromium; `socket` then holds the loopback WebSocket URL with its token) or `port` (the Electron app
 * posts a MessagePort) — `workers` (pool size) and `delegate` (CPU|GPU).
 */
import { VISION_PORT_QUERY } from '../../lib/ipc/vision-port.ts';
import { VISION_PAGE_PATHS } from '../../lib/vision/vision-page-paths.ts';
import type { VisionDelegate } from '../../lib/vision/types.ts';
import { serveFrames, type FrameChannel } from './frame-channel.ts';
import { receivePortChannel } from './message-port-channel.ts';
import { VisionPool } from './vision-pool.ts';
import { openWebSocketChannel } from './websocket-channel.ts';

interface PageSettings {
  workers: number;
  delegate: VisionDelegate;
}

function readSettings(query: URLSearchParams): PageSettings {
  const delegate = query.get('delegate') ?? 'CPU';
  if (delegate !== 'CPU' && delegate !== 'GPU') throw new Error(`unknown delegate "${delegate}"`);
  return { workers: Number(query.get('workers') ?? '1'), delegate };
}

function openChannel(query: URLSearchParams): Promise<FrameChannel> {
  const channel = query.get('channel') ?? 'socket';
  if (channel === VISION_PORT_QUERY) return receivePortChannel();
  const socketUrl = query.get('socket');
  if (channel !== 'socket' || !socketUrl) throw new Error(`vision page opened without a frame channel (channel=${channel})`);
  return openWebSocketChannel(socketUrl);
}

async function loadModel(): Promise<ArrayBuffer> {
  const response = await fetch(VISION_PAGE_PATHS.model);
  if (!response.ok) throw new Error(`face model could not be loaded (HTTP ${response.status})`);
  return response.arrayBuffer();
}

async function startServing(channel: FrameChannel, query: URLSearchParams): Promise<void> {
  const settings = readSettings(query);
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

const query = new URLSearchParams(location.search);
const channel = await openChannel(query);
startServing(channel, query).catch((error: unknown) =>
  channel.send({ kind: 'fatal', message: `vision page failed to start: ${error instanceof Error ? error.message : String(error)}` }),
);
