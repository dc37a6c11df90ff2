/**
 * `npm run lint:electron`: Electronegativity over the main process and the preloads. Every finding must be
 * fixed, or justified where it occurs (an `eng-disable` comment beside the reason), or — for global checks
 * that cannot be annotated — justified in .electronegativity.json. Anything else fails.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'vitest';
import { REPO } from '../helpers/paths.ts';

interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
}

interface Config {
  input: string;
  electronVersion: string;
  justifiedGlobalChecks: Record<string, string>;
}

type Run = (options: Record<string, unknown>) => Promise<{ issues: Finding[]; errors: { file: string; message: string; tolerable: boolean }[] }>;

const run = createRequire(import.meta.url)('@doyensec/electronegativity') as Run;

test('Electronegativity finds nothing in main/ and the preloads that is not fixed or justified', { timeout: 120_000 }, async () => {
  const config = JSON.parse(readFileSync(join(REPO, '.electronegativity.json'), 'utf8')) as Config;
  const result = await run({ input: join(REPO, config.input), electronVersionOverride: config.electronVersion, isRelative: true });
  const unparsed = result.errors.filter((error) => !error.tolerable);
  assert.deepEqual(unparsed, [], 'every file could be parsed, so every file was checked');
  const unjustified = result.issues.filter((issue) => !Object.hasOwn(config.justifiedGlobalChecks, issue.id));
  assert.deepEqual(
    unjustified.map((issue) => `${issue.id} ${issue.file}:${issue.location.line} ${issue.description}`),
    [],
  );
  const stale = Object.keys(config.justifiedGlobalChecks).filter((id) => !result.issues.some((issue) => issue.id === id));
  assert.deepEqual(stale, [], 'a justification whose finding is gone is removed from .electronegativity.json');
});
