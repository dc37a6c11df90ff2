/**
 * `npm run models`: downloads each model in the manifest from its official URL into the models folder,
 * checks size and sha256, and only then moves it into place. This is the one time Attune uses the
 * network, and only when the user runs this command; analysis itself never does.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { get } from 'node:https';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { MODELS, ModelError, verifiedModel, type ModelEntry } from './manifest.ts';

function request(url: string, redirectsLeft = 5): Promise<IncomingMessage> {
  return new Promise((done, fail) => {
    get(url, (response) => {
      const { statusCode = 0, headers } = response;
      if (statusCode >= 300 && statusCode < 400 && headers.location && redirectsLeft > 0) {
        response.resume();
        done(request(new URL(headers.location, url).toString(), redirectsLeft - 1));
      } else if (statusCode !== 200) {
        response.resume();
        fail(new ModelError(`Downloading ${url} failed: the server answered ${statusCode}.`));
      } else done(response);
    }).on('error', (error) => fail(new ModelError(`Downloading ${url} failed: ${error.message}.`)));
  });
}

async function download(entry: ModelEntry, modelsDir: string, log: (line: string) => void): Promise<void> {
  const target = join(modelsDir, entry.file);
  const partial = `${target}.partial`;
  log(`Downloading ${entry.file} (${(entry.bytes / 1e6).toFixed(1)} MB, ${entry.licence}) from ${entry.url}`);
  const response = await request(entry.url);
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    await new Promise<void>((done, fail) => {
      const out = createWriteStream(partial);
      response.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        bytes += chunk.length;
      });
      response.on('error', fail);
      out.on('error', fail);
      out.on('finish', done);
      response.pipe(out);
    });
    const sha = hash.digest('hex');
    if (bytes !== entry.bytes || sha !== entry.sha256) {
      throw new ModelError(`The download of ${entry.file} does not match the manifest (got ${bytes} bytes, sha256 ${sha}).`);
    }
    await rename(partial, target);
  } finally {
    await rm(partial, { force: true });
  }
}

/** Makes sure every model is present and intact, downloading what is missing or damaged. */
export async function fetchModels(modelsDir: string, log: (line: string) => void): Promise<void> {
  await mkdir(modelsDir, { recursive: true });
  for (const entry of MODELS) {
    const present = await verifiedModel(modelsDir, entry.name).then(
      () => true,
      () => false,
    );
    if (present) log(`${entry.file}: present and verified in ${modelsDir}`);
    else {
      await download(entry, modelsDir, log);
      await verifiedModel(modelsDir, entry.name);
      log(`${entry.file}: downloaded and verified`);
    }
  }
}
