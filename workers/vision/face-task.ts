/** The face landmark task: MediaPipe's Face Landmarker in VIDEO mode, blendshapes and head pose. */
import { FaceLandmarker } from '@mediapipe/tasks-vision';
import { landmarkPoints, toFaceObservation } from '../../lib/vision/face-observation.ts';
import type { InitParams } from './vision-worker-api.ts';
import type { LandmarkTask } from './landmark-task.ts';

export async function createFaceTask({ models, delegate, wasmLoaderUrl, wasmBinaryUrl, faceLandmarks, maxFaces }: InitParams): Promise<LandmarkTask> {
  const landmarker = await FaceLandmarker.createFromOptions(
    { wasmLoaderPath: wasmLoaderUrl, wasmBinaryPath: wasmBinaryUrl },
    {
      baseOptions: { modelAssetBuffer: new Uint8Array(models.faces[0] as ArrayBuffer), delegate },
      // tasks-vision uploads every frame through WebGL, even on the CPU delegate; a worker has no DOM canvas.
      canvas: new OffscreenCanvas(1, 1),
      runningMode: 'VIDEO',
      // Two people (telehealth gallery view, an in-person wide shot) unless the analysis says more.
      numFaces: maxFaces,
      outputFaceBlendshapes: true,
      outputFacialTransformationMatrixes: true,
    },
  );
  return {
    kind: 'faces',
    observe(image, timestampMs, into) {
      const result = landmarker.detectForVideo(image, timestampMs);
      into.faces = result.faceLandmarks.map((landmarks, i) => {
        const blendshapes = result.faceBlendshapes[i]?.categories;
        const matrix = result.facialTransformationMatrixes[i]?.data;
        if (!blendshapes || !matrix) throw new Error('face landmarker returned a face without blendshapes or transformation matrix');
        const face = toFaceObservation(landmarks, blendshapes, matrix);
        return faceLandmarks ? { ...face, landmarks: landmarkPoints(landmarks) } : face;
      });
    },
  };
}
