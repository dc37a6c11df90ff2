/**
 * Module Web Worker holding one MediaPipe Face Landmarker in VIDEO mode. It only translates:
 * RPC requests in, FrameFaces out; the maths lives in lib/vision.
 */
import { FaceLandmarker } from '@mediapipe/tasks-vision';
import { serveRpc, type RpcReply } from '../../lib/workers/rpc.ts';
import { toFaceObservation } from '../../lib/vision/face-observation.ts';
import { advanceVideoClock, type VideoClock } from '../../lib/vision/video-timestamp.ts';
import type { FrameFaces } from '../../lib/vision/types.ts';
import type { DetectParams, InitParams, VisionWorkerApi } from './vision-worker-api.ts';

/** The parts of DedicatedWorkerGlobalScope used here (the project's DOM typings describe a window). */
interface WorkerScope {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
const scope = self as unknown as WorkerScope;

let settings: InitParams | null = null;
let landmarker: FaceLandmarker | null = null;
let clock: VideoClock | null = null;
let streams = 0;

function createLandmarker({ model, delegate, wasmLoaderUrl, wasmBinaryUrl }: InitParams): Promise<FaceLandmarker> {
  // tasks-vision imports its loader module once and clears the global it set, so a second landmarker
  // needs the loader under another URL; a query string is enough (the page serves it by path).
  const loader = new URL(wasmLoaderUrl);
  loader.searchParams.set('stream', String(++streams));
  return FaceLandmarker.createFromOptions(
    { wasmLoaderPath: loader.href, wasmBinaryPath: wasmBinaryUrl },
    {
      // A copy: tasks-vision may keep or detach the buffer it is given, and a new stream needs the model again.
      baseOptions: { modelAssetBuffer: new Uint8Array(model.slice(0)), delegate },
      // tasks-vision uploads every frame through WebGL, even on the CPU delegate; a worker has no DOM canvas.
      canvas: new OffscreenCanvas(1, 1),
      runningMode: 'VIDEO',
      // Two people: telehealth gallery view or an in-person wide shot.
      numFaces: 2,
      outputFaceBlendshapes: true,
      outputFacialTransformationMatrixes: true,
    },
  );
}

async function init(params: InitParams): Promise<null> {
  if (settings) throw new Error('vision worker is already initialised');
  settings = params;
  landmarker = await createLandmarker(params);
  return null;
}

async function detect({ t, width, height, pixels, pixelOffset }: DetectParams): Promise<FrameFaces> {
  if (!settings || !landmarker) throw new Error('vision worker used before init');
  const step = advanceVideoClock(clock, t);
  if (step.newStream) {
    landmarker.close();
    landmarker = await createLandmarker(settings);
  }
  clock = step.clock;
  const image = new ImageData(new Uint8ClampedArray(pixels, pixelOffset, width * height * 4), width, height);
  const result = landmarker.detectForVideo(image, clock.timestampMs);
  const faces = result.faceLandmarks.map((landmarks, i) => {
    const blendshapes = result.faceBlendshapes[i]?.categories;
    const matrix = result.facialTransformationMatrixes[i]?.data;
    if (!blendshapes || !matrix) throw new Error('face landmarker returned a face without blendshapes or transformation matrix');
    return toFaceObservation(landmarks, blendshapes, matrix);
  });
  return { t, faces };
}

const receive = serveRpc<VisionWorkerApi>((reply: RpcReply, transfer) => scope.postMessage(reply, transfer), { init, detect });
scope.addEventListener('message', (event) => receive(event.data));
