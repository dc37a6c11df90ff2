import assert from 'node:assert/strict';
import { test } from 'vitest';
import type { AppEdge, CommandLineEdge, PreventableEvent, SessionEdge, WebContentsEdge } from '../../main/app/electron-edge.ts';
import { applyAppPolicy, hardenSession, hardenWebContents } from '../../main/app/hardening.ts';
import { isAllowedRequest } from '../../main/app/session-request-blocker.ts';
import { applyNoNetworkSwitches, noNetworkArgs } from '../../main/privacy/chromium-switches.ts';

/** Stands in for an Electron session: records the handlers the policy installs so the test can call them. */
function fakeSession() {
  const installed: {
    beforeRequest: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void)[];
    permissionRequest?: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void;
    permissionCheck?: () => boolean;
    devicePermission?: () => boolean;
    spellChecker?: boolean;
  } = { beforeRequest: [] };
  const session: SessionEdge = {
    webRequest: { onBeforeRequest: (listener) => installed.beforeRequest.push(listener) },
    setPermissionRequestHandler: (handler) => (installed.permissionRequest = handler),
    setPermissionCheckHandler: (handler) => (installed.permissionCheck = handler),
    setDevicePermissionHandler: (handler) => (installed.devicePermission = handler),
    setSpellCheckerEnabled: (enable) => (installed.spellChecker = enable),
  };
  const request = (url: string): boolean => {
    assert.equal(installed.beforeRequest.length, 1, 'exactly one request filter');
    let cancel: boolean | undefined;
    installed.beforeRequest[0]!({ url }, (response) => (cancel = response.cancel));
    assert.notEqual(cancel, undefined, 'the filter always answers');
    return cancel!;
  };
  return { session, installed, request };
}

const OUTSIDE = [
  'https://storage.googleapis.com/mediapipe-models/face_landmarker.task',
  'http://127.0.0.1:8080/',
  'http://localhost/',
  'ws://127.0.0.1:9229/',
  'wss://example.org/socket',
  'ftp://example.org/',
  'file:///home/therapist/Recordings/session.mp4',
  'chrome-extension://abc/page.html',
  'devtools://devtools/bundled/inspector.html',
  'https://clients2.google.com/service/update2',
  'not a url',
];
const OWN = ['attune://app/index.html', 'attune://vision/vision-worker.js', 'attune-media://session/abc', 'data:image/jpeg;base64,/9j/', 'blob:attune://app/1234'];

test("a hardened session cancels every request that is not to the app's own protocols", () => {
  const { session, request } = fakeSession();
  hardenSession(session);
  for (const url of OUTSIDE) assert.equal(request(url), true, `${url} is cancelled`);
  for (const url of OWN) assert.equal(request(url), false, `${url} is allowed`);
  for (const url of OUTSIDE) assert.equal(isAllowedRequest(url), false, url);
});

test('the app policy hardens every session and web contents as it is created, default and partitions alike', () => {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let sandboxed = false;
  const switches: string[] = [];
  const app = {
    commandLine: { appendSwitch: (name: string) => switches.push(name) },
    enableSandbox: () => (sandboxed = true),
    on: (event: string, listener: (...args: unknown[]) => void) => listeners.set(event, listener),
  } as AppEdge;
  applyAppPolicy(app);
  assert.equal(sandboxed, true);
  assert.ok(switches.includes('disable-background-networking'));

  for (const partition of ['default', 'persist:anything', 'attune-vision']) {
    const { session, request } = fakeSession();
    listeners.get('session-created')!(session);
    assert.equal(request('https://example.org/'), true, `${partition} blocks the network`);
    assert.equal(request('attune://app/index.html'), false);
  }
  let windowOpen: (() => { action: 'deny' }) | undefined;
  const contents: WebContentsEdge = { id: 1, on: () => undefined, setWindowOpenHandler: (handler) => (windowOpen = handler) };
  listeners.get('web-contents-created')!({}, contents);
  assert.deepEqual(windowOpen?.(), { action: 'deny' });
});

test('every permission request and check is denied, and the spell-checker (which downloads) is off', () => {
  const { session, installed } = fakeSession();
  hardenSession(session);
  for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'fileSystem']) {
    let granted: boolean | undefined;
    installed.permissionRequest!(null, permission, (answer) => (granted = answer));
    assert.equal(granted, false, permission);
  }
  assert.equal(installed.permissionCheck!(), false);
  assert.equal(installed.devicePermission!(), false);
  assert.equal(installed.spellChecker, false);
});

test('hardening a session twice (start-up and session-created) installs its filter once', () => {
  const { session, installed } = fakeSession();
  hardenSession(session);
  hardenSession(session);
  assert.equal(installed.beforeRequest.length, 1);
});

test('web contents may not navigate, redirect, attach webviews or open windows', () => {
  const listeners = new Map<string, (event: PreventableEvent) => void>();
  let openHandler: (() => { action: 'deny' }) | undefined;
  const contents: WebContentsEdge = {
    id: 7,
    on: (event, listener) => listeners.set(event, listener),
    setWindowOpenHandler: (handler) => (openHandler = handler),
  };
  hardenWebContents(contents);
  for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
    let prevented = false;
    listeners.get(name)!({ preventDefault: () => (prevented = true) });
    assert.equal(prevented, true, name);
  }
  assert.deepEqual(openHandler!(), { action: 'deny' });
});

test("Chromium's background networking is switched off and host names cannot resolve", () => {
  const switches = new Map<string, string | undefined>();
  const commandLine: CommandLineEdge = { appendSwitch: (name, value) => switches.set(name, value) };
  applyNoNetworkSwitches(commandLine);
  for (const name of ['disable-background-networking', 'disable-component-update', 'disable-domain-reliability', 'no-pings', 'dns-prefetch-disable']) {
    assert.ok(switches.has(name), name);
  }
  assert.equal(switches.get('host-resolver-rules'), 'MAP * ~NOTFOUND');
  // The headless browsers get the very same list as arguments: one list, no drift between the hosts.
  // (the disabled features too, merged there with Playwright's own: tests/integration/headless-chromium.test.ts).
  assert.match(switches.get('disable-features') ?? '', /Translate/);
  switches.delete('disable-features');
  const args = noNetworkArgs();
  assert.equal(args.length, switches.size);
  for (const [name, value] of switches) assert.ok(args.includes(value === undefined ? `--${name}` : `--${name}=${value}`), name);
  // Only the headless vision browser, whose page talks to one loopback socket, may reach 127.0.0.1.
  assert.ok(noNetworkArgs({ loopback: true }).includes('--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'));
});
