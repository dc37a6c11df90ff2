/**
 * Module Web Worker holding one MediaPipe Face Landmarker in VIDEO mode for one recording. It only
 * translates: RPC requests in, FrameFaces out; the maths lives in lib/vision. It creates its
 * landmarker once and never again: the pool starts a new worker for the next recording (see
 * vision-pool.ts for why).
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

let landmarker: FaceLandmarker | null = null;
let clock: VideoClock | null = null;

function createLandmarker({ model, delegate, wasmLoaderUrl, wasmBinaryUrl }: InitParams): Promise<FaceLandmarker> {
  return FaceLandmarker.createFromOptions(
    { wasmLoaderPath: wasmLoaderUrl, wasmBinaryPath: wasmBinaryUrl },
    {
      baseOptions: { modelAssetBuffer: new Uint8Array(model), delegate },
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

let initialised = false;

async function init(params: InitParams): Promise<null> {
  if (initialised) throw new Error('vision worker is already initialised');
  initialised = true;
  landmarker = await createLandmarker(params);
  return null;
}

function detect({ t, width, height, pixels, pixelOffset }: DetectParams): FrameFaces {
  if (!landmarker) throw new Error('vision worker used before init');
  clock = advanceVideoClock(clock, t);
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
