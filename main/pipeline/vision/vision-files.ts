/**
 * Serves the vision page, its worker bundle, the wasm and the model from local files to the browser
 * through Playwright's request interception, on a made-up origin that can never resolve (`.invalid`).
 * No HTTP server is opened, and every request for anything else is aborted: the browser reaches no
 * network at run time. A Content-Security-Policy on every served file is the second lock: the page
 * and its workers may only load from their own origin and connect to the one frame socket.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Route } from 'playwright-core';
import { VISION_PAGE_PATHS } from '../../../lib/vision/vision-page-paths.ts';

export const VISION_ORIGIN = 'https://attune.invalid';

interface ServedFile {
  file: string;
  contentType: string;
}

function projectRoot(): string {
  // Walk up from this module: it runs from main/pipeline/vision in development and from dist/cli when bundled.
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'attune') return dir;
    if (dirname(dir) === dir) throw new Error('cannot find the Attune project folder holding dist/workers');
  }
}

/** Path on the made-up origin → local file, checked to exist so a missing build fails before the browser starts. */
export function visionFileTable(modelFile: string): Map<string, ServedFile> {
  const built = join(projectRoot(), 'dist', 'workers');
  const tasksVision = createRequire(import.meta.url);
  const table = new Map<string, ServedFile>([
    [VISION_PAGE_PATHS.page, { file: join(built, 'vision-page.html'), contentType: 'text/html; charset=utf-8' }],
    [VISION_PAGE_PATHS.pageScript, { file: join(built, 'vision-page.js'), contentType: 'text/javascript' }],
    [VISION_PAGE_PATHS.worker, { file: join(built, 'vision-worker.js'), contentType: 'text/javascript' }],
    [VISION_PAGE_PATHS.wasmLoader, { file: tasksVision.resolve('@mediapipe/tasks-vision/vision_wasm_module_internal.js'), contentType: 'text/javascript' }],
    [VISION_PAGE_PATHS.wasmBinary, { file: tasksVision.resolve('@mediapipe/tasks-vision/vision_wasm_module_internal.wasm'), contentType: 'application/wasm' }],
    [VISION_PAGE_PATHS.model, { file: modelFile, contentType: 'application/octet-stream' }],
  ]);
  for (const { file } of table.values()) {
    if (!existsSync(file)) {
      const hint = file.startsWith(built) ? ' (run `npm run build`)' : '';
      throw new Error(`vision engine file missing: ${file}${hint}`);
    }
  }
  return table;
}

export function contentSecurityPolicy(framePort: number): string {
  return [
    "default-src 'none'",
    // tasks-vision compiles its wasm at run time and imports its loader module from our origin.
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    `connect-src 'self' ws://127.0.0.1:${framePort}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Answers the table's paths on VISION_ORIGIN and aborts every other request, recording its URL in
 * `blocked` so tests and diagnostics can see what was attempted.
 */
export async function serveVisionFiles(context: BrowserContext, table: Map<string, ServedFile>, csp: string, blocked: string[]): Promise<void> {
  await context.route('**/*', async (route: Route) => {
    const url = new URL(route.request().url());
    const served = url.origin === VISION_ORIGIN ? table.get(url.pathname) : undefined;
    if (!served) {
      blocked.push(url.href);
      await route.abort('blockedbyclient');
      return;
    }
    await route.fulfill({
      path: served.file,
      contentType: served.contentType,
      headers: { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}
