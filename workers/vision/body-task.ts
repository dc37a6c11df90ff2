/**
 * The body landmark task: MoveNet SinglePose Lightning (TensorFlow.js, wasm backend) run on a square
 * around each face the face task found in this frame (lib/body/body-crop.ts), so each face gets its own
 * body. Runs after the face task; with no face in a frame, there is no body.
 */
import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { bodyCropForFace, cropToFrame, bodyFitsFace, TIGHT_CROP, WIDE_CROP, type CropBox } from '../../lib/body/body-crop.ts';
import { KEYPOINT_COUNT } from '../../lib/body/keypoints.ts';
import type { BodyObservation } from '../../lib/vision/types.ts';
import type { LandmarkTask } from './landmark-task.ts';
import type { InitParams } from './vision-worker-api.ts';

const INPUT_SIDE = 192;

interface ModelJson {
  format?: string;
  generatedBy?: string;
  convertedBy?: string;
  signature?: object;
  modelTopology: object;
  weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[];
}

async function loadMoveNet([topology, weights]: ArrayBuffer[]): Promise<GraphModel> {
  if (!topology || !weights) throw new Error('the body model needs its topology and its weights');
  const json = JSON.parse(new TextDecoder().decode(topology)) as ModelJson;
  return loadGraphModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
      weightData: weights,
      format: json.format,
      generatedBy: json.generatedBy,
      convertedBy: json.convertedBy,
      signature: json.signature,
    }),
  );
}

export async function createBodyTask({ models, tfjsWasmDirUrl }: InitParams): Promise<LandmarkTask> {
  setWasmPaths(tfjsWasmDirUrl);
  if (!(await tf.setBackend('wasm'))) throw new Error('the body model could not start its WebAssembly runtime');
  await tf.ready();
  const model = await loadMoveNet(models.bodies);
  /** MoveNet on each crop of one frame: [x, y, score] × 17 per crop, in frame coordinates. */
  function keypointsIn(image: ImageData, crops: CropBox[]): number[][] {
    const output = tf.tidy(() => {
      const frame = tf.expandDims<tf.Tensor4D>(tf.browser.fromPixels(image), 0);
      const boxes = tf.tensor2d(crops.map((c) => [c.y, c.x, c.y + c.h, c.x + c.w]));
      const boxIndices = tf.tensor1d(crops.map(() => 0), 'int32');
      const input = tf.cast(tf.image.cropAndResize(frame, boxes, boxIndices, [INPUT_SIDE, INPUT_SIDE]), 'int32');
      // The model takes one image at a time: [1, 192, 192, 3] int32 → [1, 1, 17, 3] (y, x, score).
      return tf.concat(tf.split(input, crops.length, 0).map((one) => model.execute(one) as tf.Tensor));
    });
    const values = output.dataSync();
    output.dispose();
    return crops.map((crop, c) => {
      const keypoints: number[] = [];
      for (let k = 0; k < KEYPOINT_COUNT; k++) {
        const at = (c * KEYPOINT_COUNT + k) * 3;
        const point = cropToFrame(crop, values[at + 1] as number, values[at] as number);
        keypoints.push(point.x, point.y, values[at + 2] as number);
      }
      return keypoints;
    });
  }

  return {
    kind: 'bodies',
    observe(image, _timestampMs, into) {
      if (into.faces.length === 0) return;
      const boxes = into.faces.map((face) => face.box);
      const wide = keypointsIn(image, boxes.map((box) => bodyCropForFace(box, image.width, image.height, WIDE_CROP)));
      const missed = boxes.flatMap((box, face) => (bodyFitsFace(wide[face]!, box) ? [] : [face]));
      const tight = missed.length === 0 ? [] : keypointsIn(image, missed.map((face) => bodyCropForFace(boxes[face]!, image.width, image.height, TIGHT_CROP)));
      into.bodies = boxes.flatMap((box, face): BodyObservation[] => {
        const retry = missed.indexOf(face);
        const keypoints = retry < 0 ? wide[face]! : tight[retry]!;
        return bodyFitsFace(keypoints, box) ? [{ face, keypoints }] : [];
      });
    },
  };
}
