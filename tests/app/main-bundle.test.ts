/**
 * Loads the built main-process bundle (dist/main/main.cjs, as Electron would) with the `electron` module
 * replaced by a recording stand-in, and checks the wiring: privileged schemes, offline switches, sandbox,
 * hardened sessions, the secure review window, protocols on the right sessions, the IPC edge, and a clean
 * quit. Everything behind the edge — the encrypted store, the handlers, the protocol code — is real.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, test } from 'vitest';
import { REPO, scratch } from '../helpers/paths.ts';
import { createFakeElectron } from './fake-electron.ts';

const bundle = join(REPO, 'dist', 'main', 'main.cjs');
const scratchDir = scratch('main-bundle');
const fake = createFakeElectron({ appPath: REPO, userData: join(scratchDir.dir, 'profile') });
type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleWithLoad = Module as unknown as { _load: Loader };
const realLoad = moduleWithLoad._load;

beforeAll(async () => {
  assert.ok(existsSync(bundle), `${bundle} is missing: run "npm run build" first`);
  moduleWithLoad._load = function load(this: unknown, request, parent, isMain) {
    return request === 'electron' ? fake.electron : realLoad.call(this, request, parent, isMain);
  };
  Module.createRequire(import.meta.url)(bundle);
  // start() runs after whenReady(); let its awaits settle.
  for (let i = 0; i < 20 && fake.windows[0]?.loaded.length !== 1; i++) await new Promise((resolve) => setTimeout(resolve, 25));
});

afterAll(() => {
  moduleWithLoad._load = realLoad;
  scratchDir.remove();
});

const trustedEvent = (): unknown => ({ sender: { id: fake.windows[0]!.webContents.id }, senderFrame: { url: 'attune://app/index.html', parent: null } });

test('before ready: privileged schemes, offline switches and the sandbox for every renderer', () => {
  assert.deepEqual(
    (fake.schemes as { scheme: string; privileges: { standard: boolean; secure: boolean } }[]).map((s) => [s.scheme, s.privileges.standard, s.privileges.secure]),
    [['attune', true, true], ['attune-media', true, true]],
  );
  assert.ok(fake.app.switches.has('disable-background-networking'));
  assert.equal(fake.app.switches.get('host-resolver-rules'), 'MAP * ~NOTFOUND');
  assert.equal(fake.app.sandboxed, true);
});

test('the review window is sandboxed, isolated, without Node, and loads attune://app/', () => {
  assert.equal(fake.windows.length, 1, 'no vision window until an analysis runs');
  const [window] = fake.windows;
  const prefs = window!.options.webPreferences;
  assert.deepEqual(
    { sandbox: prefs.sandbox, contextIsolation: prefs.contextIsolation, nodeIntegration: prefs.nodeIntegration, webSecurity: prefs.webSecurity, webviewTag: prefs.webviewTag },
    { sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, webviewTag: false },
  );
  assert.equal(prefs.preload, join(REPO, 'dist', 'main', 'preload.cjs'));
  assert.deepEqual(window!.loaded, ['attune://app/index.html']);
});

test('every session is hardened: network cancelled, permissions denied, spell-checker off', () => {
  assert.deepEqual([...fake.sessions.keys()].sort(), ['', 'attune-report', 'attune-vision']);
  for (const session of fake.sessions.values()) {
    let cancel: boolean | undefined;
    session.beforeRequest!({ url: 'https://example.org/' }, (response) => (cancel = response.cancel));
    assert.equal(cancel, true, `partition "${session.partition}"`);
    let granted: boolean | undefined;
    (session.permissionRequest as (wc: unknown, p: string, cb: (g: boolean) => void) => void)(null, 'media', (g) => (granted = g));
    assert.equal(granted, false);
    assert.equal(session.spellChecker, false);
  }
});

test('protocols live on the right sessions: the UI and media on the default one, only the vision host on the vision partition, only the report on its own', async () => {
  const main = fake.sessions.get('')!;
  const vision = fake.sessions.get('attune-vision')!;
  const report = fake.sessions.get('attune-report')!;
  assert.deepEqual([...main.protocolHandlers.keys()].sort(), ['attune', 'attune-media']);
  assert.deepEqual([...vision.protocolHandlers.keys()], ['attune']);
  assert.deepEqual([...report.protocolHandlers.keys()], ['attune']);
  // Until a report is printed its page is empty, and whatever it holds may load nothing but inline styles and data: images.
  const page = await report.protocolHandlers.get('attune')!(new Request('attune://report/'));
  assert.equal(await page.text(), '');
  assert.equal(page.headers.get('content-security-policy'), "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  const ui = main.protocolHandlers.get('attune')!;
  assert.equal((await ui(new Request('attune://vision/vision-page.html'))).status, 404);
  assert.equal((await vision.protocolHandlers.get('attune')!(new Request('attune://app/index.html'))).status, 404);
  assert.equal((await main.protocolHandlers.get('attune-media')!(new Request('attune-media://session/unknown'))).status, 404);
  const index = await ui(new Request('attune://app/index.html'));
  assert.equal(index.status, 200, 'the built renderer (dist/renderer) is served');
  assert.match(index.headers.get('content-security-policy') ?? '', /default-src 'none'/);
});

test('the IPC edge answers the review window and refuses anyone else', async () => {
  const list = fake.ipcHandlers.get('library:list')!;
  assert.deepEqual(await list(trustedEvent(), undefined), { ok: true, value: [] });
  const forbidden = await list({ sender: { id: 999 }, senderFrame: { url: 'attune://app/index.html', parent: null } }, undefined);
  assert.equal((forbidden as { error: { code: string } }).error.code, 'forbidden');
  const invalid = await fake.ipcHandlers.get('sessions:get')!(trustedEvent(), { sessionId: '../x' });
  assert.equal((invalid as { error: { code: string } }).error.code, 'invalid-request');
});

test('quitting unregisters the IPC handlers and closes the store before the app exits', async () => {
  fake.app.quit();
  for (let i = 0; i < 40 && fake.app.quitCalls < 2; i++) await new Promise((resolve) => setTimeout(resolve, 25));
  assert.equal(fake.app.quitCalls, 2, 'quit is deferred once for the clean-up, then completes');
  assert.equal(fake.ipcHandlers.size, 0);
  assert.ok(existsSync(join(scratchDir.dir, 'profile', 'store.key')), 'the store key was created through safeStorage');
});
