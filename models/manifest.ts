/** The model files Attune needs, where it looks for them, and how it checks them. */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
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

/** A model whose files ship inside an npm package: installed with Attune, never downloaded. */
export interface PackagedModelEntry {
  name: string;
  what: string;
  package: string;
  source: string;
  licence: string;
  files: readonly { path: string; sha256: string; bytes: number }[];
}

export const PACKAGED_MODELS: readonly PackagedModelEntry[] = manifest.packaged;

export class ModelError extends Error {
  override name = 'ModelError';
}

/** The Attune folder (holding package.json, dist/ and node_modules/), found by walking up from this module. */
export function attuneRoot(): string {
  // Runs from models/ in development and from dist/cli when bundled; a package.json of another name is not ours.
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const manifestFile = join(dir, 'package.json');
    if (existsSync(manifestFile) && (JSON.parse(readFileSync(manifestFile, 'utf8')) as { name?: string }).name === 'attune') return dir;
    if (dirname(dir) === dir) throw new Error('Attune could not find its own folder (no package.json named attune above it).');
  }
}

/** ATTUNE_MODELS_DIR when set, else the `models/files` folder that `npm run models` fills. */
export function defaultModelsDir(): string {
  const fromEnv = process.env.ATTUNE_MODELS_DIR;
  return fromEnv ? resolve(fromEnv) : join(attuneRoot(), 'models', 'files');
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

/**
 * Checks a packaged model's files in `<Attune folder>/node_modules/<package>/`; returns their paths in the
 * manifest's order, or throws an error that names the file and the fix.
 */
export async function verifiedPackagedModel(name: string, appRoot: string = attuneRoot()): Promise<string[]> {
  const entry = PACKAGED_MODELS.find((m) => m.name === name);
  if (!entry) throw new ModelError(`Attune does not know a model called "${name}".`);
  const fix = `Reinstall Attune's packages ("npm ci") to restore it.`;
  return Promise.all(
    entry.files.map(async (file) => {
      const path = join(appRoot, 'node_modules', ...entry.package.split('/'), ...file.path.split('/'));
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) throw new ModelError(`The ${entry.name} model file ${path} is missing. ${fix}`);
      if (info.size !== file.bytes || (await sha256OfFile(path)) !== file.sha256) {
        throw new ModelError(`The ${entry.name} model file ${path} is damaged or the wrong version. ${fix}`);
      }
      return path;
    }),
  );
}
