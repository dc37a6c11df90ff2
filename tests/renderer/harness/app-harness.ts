/**
 * Runs the built renderer (dist/renderer) in headless Chromium against the real app backend in Node:
 * a temporary encrypted store, the real job queue and analysis pipeline, models from ../shared/models.
 *
 * Chromium cannot load the app's custom schemes here (Electron registers them; a plain browser refuses
 * to navigate to attune://), so each gets an https stand-in answered by page routing — no server, no
 * port — and by the app's own protocol handlers:
 *   https://app.attune.test/…          → createAppProtocolHandler, as attune://app/…
 *   https://media.attune.test/session/ → createMediaProtocolHandler, as attune-media://session/…
 * The one thing changed on the way is the media scheme's name in the CSP and in `media:url` answers.
 * Every other request is aborted and recorded, so a test can assert the renderer asked for nothing else.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { chromium, type BrowserContext, type Page, type Route } from 'playwright-core';
import { EVENT_NAMES, type IpcResult, type MediaUrl } from '../../../lib/ipc/contract.ts';
import { APP_HOST, APP_SCHEME, MEDIA_SCHEME } from '../../../lib/ipc/origins.ts';
import { createAppProtocolHandler, directoryResolver } from '../../../main/app/app-protocol.ts';
import { createAppBackend, type AppBackend, type AppBackendOptions } from '../../../main/app/backend.ts';
import { APP_CSP } from '../../../main/privacy/content-security.ts';
import { createMediaProtocolHandler } from '../../../main/app/media-protocol.ts';
import { analyzeFile } from '../../../main/pipeline/analyze.ts';
import { findChromium } from '../../../main/chromium/find-chromium.ts';
import { MODELS_DIR, REPO } from '../../helpers/paths.ts';

export const APP_STAND_IN = 'https://app.attune.test';
const MEDIA_STAND_IN = 'https://media.attune.test';

export interface AppHarness {
  page: Page;
  backend: AppBackend;
  /** Sets what the main process's file dialogs "return" next (import, relocate, and where to save an export). */
  pickNext(path: string | null): void;
  /** URLs the renderer tried to load that are neither the app nor a recording (all were aborted). */
  strayRequests: string[];
  /** Console errors and uncaught exceptions in the page (CSP violations show up here too). */
  pageErrors: string[];
  close(): Promise<void>;
}

/** The shim, bundled for the page. buildSync: the async API leaves esbuild's service process running, keeping the test alive. */
function preloadShim(): string {
  const result = buildSync({
    entryPoints: [join(REPO, 'tests/renderer/harness/preload-shim.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

/** The media scheme as a CSP source, rewritten to its stand-in origin. */
const cspToStandIn = (text: string) => text.replaceAll(`${MEDIA_SCHEME}:`, MEDIA_STAND_IN);
/** An attune-media://session/<id> URL as its stand-in. */
const mediaUrlToStandIn = (url: string) => url.replace(`${MEDIA_SCHEME}://`, `${MEDIA_STAND_IN}/`);

/** Answers a route from one of the app's protocol handlers, given the URL in the app's own scheme. */
async function answer(route: Route, handler: (request: Request) => Promise<Response>, appUrl: string): Promise<void> {
  const range = route.request().headers().range;
  const response = await handler(new Request(appUrl, { method: route.request().method(), headers: range ? { Range: range } : {} }));
  const headers = Object.fromEntries(response.headers);
  if (headers['content-security-policy']) headers['content-security-policy'] = cspToStandIn(headers['content-security-policy']);
  let body = Buffer.from(await response.arrayBuffer());
  if (headers['content-type']?.startsWith('text/html')) {
    body = Buffer.from(cspToStandIn(body.toString('utf8')));
    headers['content-length'] = String(body.length);
  }
  await route.fulfill({ status: response.status, headers, body });
}

/**
 * `profile`: an existing Attune data folder and its key (the caller removes it); by default a fresh one.
 * `backendOptions`: what the test sets itself (the computer's idle time, for the lock).
 */
export async function startAppHarness(
  profile?: { dataDir: string; dbKey: Buffer },
  backendOptions: Pick<AppBackendOptions, 'idleSeconds' | 'lockCheckMs'> = {},
): Promise<AppHarness> {
  const dataDir = profile?.dataDir ?? mkdtempSync(join(tmpdir(), 'attune-renderer-data-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'attune-renderer-profile-'));
  let nextPick: string | null = null;
  const backend = createAppBackend({
    dataDir,
    dbKey: profile?.dbKey ?? randomBytes(32),
    modelsDir: MODELS_DIR,
    analyze: analyzeFile,
    pickRecording: async () => nextPick,
    pickPackage: async () => nextPick,
    pickSavePath: async () => nextPick,
    ...backendOptions,
  });

  const context: BrowserContext = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 1366, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const strayRequests: string[] = [];
  const pageErrors: string[] = [];
  const appHandler = createAppProtocolHandler({ [APP_HOST]: { resolve: directoryResolver(join(REPO, 'dist/renderer')), csp: APP_CSP } });
  const mediaHandler = createMediaProtocolHandler(backend.recordingFor, backend.clipFor);
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${APP_STAND_IN}/`)) return answer(route, appHandler, `${APP_SCHEME}://${APP_HOST}${url.slice(APP_STAND_IN.length)}`);
    if (url.startsWith(`${MEDIA_STAND_IN}/`)) return answer(route, mediaHandler, `${MEDIA_SCHEME}://${url.slice(MEDIA_STAND_IN.length + 1)}`);
    strayRequests.push(url);
    return route.abort('blockedbyclient');
  });

  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.exposeBinding('__attuneInvoke', async (_source, channel: string, payload: unknown) => {
    const result = await backend.invoke(channel, payload);
    if (channel === 'media:url' && result.ok) {
      const media = result.value as MediaUrl;
      const clips = media.clips.map((clip) => ({ ...clip, url: mediaUrlToStandIn(clip.url) }));
      return { ok: true, value: { ...media, url: mediaUrlToStandIn(media.url), clips } } satisfies IpcResult<MediaUrl>;
    }
    return result;
  });
  await page.addInitScript({ content: preloadShim() });
  const unsubscribes = EVENT_NAMES.map((name) =>
    backend.subscribe(name, (payload) => {
      page.evaluate(([channel, value]) => (window as unknown as { __attuneEmit(c: string, p: unknown): void }).__attuneEmit(channel, value), [name, payload] as const)
        .catch(() => undefined); // The page may be closing; a lost event is harmless then.
    }),
  );

  return {
    page,
    backend,
    pickNext: (path) => {
      nextPick = path;
    },
    strayRequests,
    pageErrors,
    close: async () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
      await context.close();
      await backend.close();
      if (!profile) rmSync(dataDir, { recursive: true, force: true });
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
