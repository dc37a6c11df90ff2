/**
 * The vision host page: loads the model, starts a pool of vision workers and answers frames that
 * arrive on a FrameChannel. Its settings come in its query string (lib/vision/page-params.ts).
 */
import { parseVisionPageQuery, type FrameChannelParams, type VisionPageParams } from '../../lib/vision/page-params.ts';
import type { TaskModels } from '../../lib/vision/types.ts';
import { VISION_PAGE_PATHS } from '../../lib/vision/vision-page-paths.ts';
import { serveFrames, type FrameChannel } from './frame-channel.ts';
import { receivePortChannel } from './message-port-channel.ts';
import { VisionPool } from './vision-pool.ts';
import { openWebSocketChannel } from './websocket-channel.ts';

function openChannel(channel: FrameChannelParams): Promise<FrameChannel> {
  return channel.kind === 'port' ? receivePortChannel() : openWebSocketChannel(channel.url, VISION_PAGE_PATHS.frameRelay);
}

async function loadFile(path: string): Promise<ArrayBuffer> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`the model file ${path} could not be loaded (HTTP ${response.status})`);
  return response.arrayBuffer();
}

async function loadModels(): Promise<TaskModels<ArrayBuffer>> {
  const { faces, bodies } = VISION_PAGE_PATHS.models;
  const [faceFiles, bodyFiles] = await Promise.all([Promise.all(faces.map(loadFile)), Promise.all(bodies.map(loadFile))]);
  return { faces: faceFiles, bodies: bodyFiles };
}

async function startServing(channel: FrameChannel, settings: VisionPageParams): Promise<void> {
  const pool = await VisionPool.start({
    workers: settings.workers,
    delegate: settings.delegate,
    models: await loadModels(),
    wasmLoaderUrl: new URL(VISION_PAGE_PATHS.wasmLoader, location.href).href,
    wasmBinaryUrl: new URL(VISION_PAGE_PATHS.wasmBinary, location.href).href,
    tfjsWasmDirUrl: new URL(VISION_PAGE_PATHS.tfjsWasmDir, location.href).href,
    faceLandmarks: settings.faceLandmarks,
    maxFaces: settings.maxFaces,
    createWorker: () => new Worker(VISION_PAGE_PATHS.worker, { type: 'module' }),
    onFatal: (error) => channel.send({ kind: 'fatal', message: error.message }),
  });
  serveFrames(channel, pool);
  channel.send({ kind: 'ready', workers: pool.size, delegate: settings.delegate });
}

// A page opened with bad settings has no channel to report on; its error reaches the host as a page error.
const settings = parseVisionPageQuery(location.search);
const channel = await openChannel(settings.channel);
startServing(channel, settings).catch((error: unknown) =>
  channel.send({ kind: 'fatal', message: `vision page failed to start: ${error instanceof Error ? error.message : String(error)}` }),
);
