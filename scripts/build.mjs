// Bundles every entry point with esbuild. Runs on `npm install` (prepare), before the tests (`npm test`, `npm run test:watch`, `npm run coverage`) and `npm run bench`.
// Node-side bundles keep node_modules external (except the audio worker); browser-side bundles (the vision worker and its host page,
// the renderer) are self-contained because they are served from disk to a sandboxed Chromium.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');

const node = { platform: 'node', target: 'node20', format: 'esm', packages: 'external', outExtension: { '.js': '.mjs' } };
const browser = { platform: 'browser', target: 'chrome120', format: 'esm' };
// The audio worker carries its packages (meyda) inside, so it runs from outside the app's asar archive.
const nodeWorker = { platform: 'node', target: 'node20', format: 'esm', outExtension: { '.js': '.mjs' } };
// Electron's main process (Node 22 inside Electron 45). CJS has no import.meta, so its url is defined from __filename.
// playwright-core (the CLI's headless vision engine) finds its own files from __dirname, so it stays a package.
const cjs = {
  platform: 'node', target: 'node22', format: 'cjs', external: ['electron', 'better-sqlite3-multiple-ciphers', 'playwright-core'], outExtension: { '.js': '.cjs' },
  define: { 'import.meta.url': '__importMetaUrl' }, banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};
// Sandboxed preloads may require only 'electron' (and a few browser-safe modules), so no banner.
const preload = { platform: 'node', target: 'node22', format: 'cjs', external: ['electron'], outExtension: { '.js': '.cjs' } };

/** [entry, output folder under dist/, options] — one line per entry point. */
const entries = [
  ['main/cli/attune.ts', 'cli', node],
  ['workers/audio/audio-worker.ts', 'workers', nodeWorker],
  ['workers/vision/vision-worker.ts', 'workers', browser],
  ['workers/vision/vision-page.ts', 'workers', browser],
  ['workers/vision/frame-relay.ts', 'workers', browser],
  ['main/app/main.ts', 'main', cjs],
  ['main/preload/preload.ts', 'main', preload],
  ['main/preload/vision-preload.ts', 'main', preload],
  ['renderer/index.tsx', 'renderer', { ...browser, define: { 'process.env.NODE_ENV': '"production"' } }],
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
for (const file of ['index.html', 'styles.css']) cpSync(join(root, 'renderer', file), join(out, 'renderer', file));
