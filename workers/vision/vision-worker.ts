/**
 * Module Web Worker holding the landmark tasks (face, …) for one recording, in VIDEO mode. It only
 * translates: RPC requests in, FrameObservations (and each model call's time) out; the maths lives in
 * lib/vision. It creates its tasks once and never again: the pool starts a new worker for the next
 * recording (see vision-pool.ts for why).
 */
import { serveRpc, type RpcReply } from '../../lib/workers/rpc.ts';
import { advanceVideoClock, type VideoClock } from '../../lib/vision/video-timestamp.ts';
import type { FrameObservations, TaskMs } from '../../lib/vision/types.ts';
import { createBodyTask } from './body-task.ts';
import { createFaceTask } from './face-task.ts';
import type { LandmarkTask } from './landmark-task.ts';
import type { DetectParams, DetectResult, InitParams, VisionWorkerApi } from './vision-worker-api.ts';

/** The parts of DedicatedWorkerGlobalScope used here (the project's DOM typings describe a window). */
interface WorkerScope {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
const scope = self as unknown as WorkerScope;

/** Every landmark task, in the order they run on a frame: the body task looks around the faces found first. */
const TASK_FACTORIES: readonly ((params: InitParams) => Promise<LandmarkTask>)[] = [createFaceTask, createBodyTask];

let tasks: LandmarkTask[] | null = null;
let clock: VideoClock | null = null;
let initialised = false;

async function init(params: InitParams): Promise<null> {
  if (initialised) throw new Error('vision worker is already initialised');
  initialised = true;
  tasks = await Promise.all(TASK_FACTORIES.map((create) => create(params)));
  return null;
}

function detect({ t, width, height, pixels, pixelOffset, bodies }: DetectParams): DetectResult {
  if (!tasks) throw new Error('vision worker used before init');
  clock = advanceVideoClock(clock, t);
  const image = new ImageData(new Uint8ClampedArray(pixels, pixelOffset, width * height * 4), width, height);
  const observations: FrameObservations = { t, faces: [], bodies: bodies ? [] : null };
  const ms: TaskMs = {};
  for (const task of tasks) {
    if (task.kind === 'bodies' && !bodies) continue;
    const started = performance.now();
    task.observe(image, clock.timestampMs, observations);
    ms[task.kind] = performance.now() - started;
  }
  return { observations, ms };
}

const receive = serveRpc<VisionWorkerApi>((reply: RpcReply, transfer) => scope.postMessage(reply, transfer), { init, detect });
scope.addEventListener('message', (event) => receive(event.data));
