/**
 * Policy for every web contents and every session the app creates: no navigation away from the page a
 * window was given, no new windows, no <webview>, no permission of any kind (camera, microphone,
 * notifications, HID…), no spell-checker (it downloads dictionaries), and the network guard.
 */
import type { AppEdge, SessionEdge, WebContentsEdge } from './electron-edge.ts';
import { applyNoNetworkSwitches } from '../privacy/chromium-switches.ts';
import { blockOutsideRequests } from './session-request-blocker.ts';

/**
 * Applies the policy app-wide, before 'ready': every renderer sandboxed, Chromium's background networking
 * off, and every session and web contents hardened as it is created — including partitions made later.
 */
export function applyAppPolicy(app: AppEdge): void {
  applyNoNetworkSwitches(app.commandLine);
  app.enableSandbox();
  app.on('session-created', hardenSession);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

export function hardenWebContents(contents: WebContentsEdge): void {
  const deny = (event: { preventDefault(): void }): void => event.preventDefault();
  contents.on('will-navigate', deny);
  contents.on('will-redirect', deny);
  contents.on('will-attach-webview', deny);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

const hardenedSessions = new WeakSet<SessionEdge>();

/** Idempotent: the default session is hardened at start-up and may be reported again by 'session-created'. */
export function hardenSession(session: SessionEdge): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setSpellCheckerEnabled(false);
  blockOutsideRequests(session);
}
