/**
 * The model files of every landmark task, verified before a vision engine starts: the face model from
 * the models folder (downloaded by `npm run models`), the body model from the npm package it ships in.
 */
import { verifiedModel, verifiedPackagedModel } from '../../models/manifest.ts';
import type { VisionModels } from './vision-files.ts';

export interface VerifiedVisionModels {
  files: VisionModels;
  /** What analysis.json records of the face model. */
  face: { name: string; sha256: string };
}

export async function verifiedVisionModels(modelsDir: string): Promise<VerifiedVisionModels> {
  const [{ path, entry }, bodyFiles] = await Promise.all([verifiedModel(modelsDir, 'face_landmarker'), verifiedPackagedModel('movenet_lightning')]);
  return { files: { faces: [path], bodies: bodyFiles }, face: { name: entry.name, sha256: entry.sha256 } };
}
