// Bundles every entry point with esbuild. Runs on `npm install` (prepare), `npm test` and `npm run bench`.
// Node-side bundles keep node_modules external; browser-side bundles (the vision worker and its host page,
// the renderer) are self-contained because they are served from disk to a sandboxed Chromium.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');

const node = { platform: 'node', target: 'node20', format: 'esm', packages: 'external', outExtension: { '.js': '.mjs' } };
const browser = { platform: 'browser', target: 'chrome120', format: 'esm' };

/** [entry, output folder under dist/, options] — one line per entry point. */
const entries = [
  ['main/cli/attune.ts', 'cli', node],
  ['workers/audio/audio-worker.ts', 'workers', node],
  ['workers/vision/vision-worker.ts', 'workers', browser],
  ['workers/vision/vision-page.ts', 'workers', browser],
];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await Promise.all(
  entries.map(([entry, dir, options]) =>
    build({
      entryPoints: [join(root, entry)],
      outdir: join(out, dir),
      bundle: true,
      sourcemap: 'linked',
      logLevel: 'warning',
      ...options,
    }),
  ),
);
cpSync(join(root, 'workers/vision/vision-page.html'), join(out, 'workers/vision-page.html'));
