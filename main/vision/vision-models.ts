/**
 * The model files of every landmark task, verified before a vision engine starts: the face model from
 * the models folder (downloaded by `npm run models`), the body model from the npm package it ships in.
 */
import { PACKAGED_MODELS, verifiedModel, verifiedPackagedModel } from '../../models/manifest.ts';
import type { VisionModels } from './vision-files.ts';

const BODY_MODEL = 'movenet_lightning';

export interface VerifiedVisionModels {
  files: VisionModels;
  /** What analysis.json records of each model: the face model's file, the body model's weights. */
  face: { name: string; sha256: string };
  body: { name: string; sha256: string };
}

export async function verifiedVisionModels(modelsDir: string): Promise<VerifiedVisionModels> {
  const [{ path, entry }, bodyFiles] = await Promise.all([verifiedModel(modelsDir, 'face_landmarker'), verifiedPackagedModel(BODY_MODEL)]);
  const weights = PACKAGED_MODELS.find((m) => m.name === BODY_MODEL)?.files.at(-1);
  if (!weights) throw new Error(`${BODY_MODEL} is not in models/manifest.json`);
  return {
    files: { faces: [path], bodies: bodyFiles },
    face: { name: entry.name, sha256: entry.sha256 },
    body: { name: BODY_MODEL, sha256: weights.sha256 },
  };
}
