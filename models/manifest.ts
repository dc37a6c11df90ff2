/** The model files Attune needs, where it looks for them, and how it checks them. */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import manifest from './manifest.json' with { type: 'json' };

export interface ModelEntry {
  name: string;
  file: string;
  what: string;
  url: string;
  sha256: string;
  bytes: number;
  licence: string;
}

export const MODELS: readonly ModelEntry[] = manifest.models;

export class ModelError extends Error {
  override name = 'ModelError';
}

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Attune could not find its own folder (no package.json above it).');
    dir = parent;
  }
  return dir;
}

/** ATTUNE_MODELS_DIR when set, else the `models/files` folder that `npm run models` fills. */
export function defaultModelsDir(): string {
  const fromEnv = process.env.ATTUNE_MODELS_DIR;
  return fromEnv ? resolve(fromEnv) : join(packageRoot(), 'models', 'files');
}

export function sha256OfFile(path: string, signal?: AbortSignal): Promise<string> {
  return new Promise((done, fail) => {
    const hash = createHash('sha256');
    createReadStream(path, { signal })
      .on('data', (chunk) => hash.update(chunk))
      .on('error', fail)
      .on('end', () => done(hash.digest('hex')));
  });
}

/** Checks one model file; returns its path, or throws an error that names the file and the fix. */
export async function verifiedModel(modelsDir: string, name: string): Promise<{ path: string; entry: ModelEntry }> {
  const entry = MODELS.find((m) => m.name === name);
  if (!entry) throw new ModelError(`Attune does not know a model called "${name}".`);
  const path = join(modelsDir, entry.file);
  const info = await stat(path).catch(() => null);
  const fix = `Run "npm run models" to download it, or set ATTUNE_MODELS_DIR to a folder that holds it.`;
  if (!info?.isFile()) throw new ModelError(`The model file ${entry.file} is missing from ${modelsDir}. ${fix}`);
  const actual = await sha256OfFile(path);
  if (actual !== entry.sha256) {
    throw new ModelError(
      `The model file ${path} is damaged or the wrong version (sha256 ${actual.slice(0, 12)}…, expected ${entry.sha256.slice(0, 12)}…). Delete it and ${fix[0]!.toLowerCase()}${fix.slice(1)}`,
    );
  }
  return { path, entry };
}
