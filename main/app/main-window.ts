/** The review window: sandboxed, context-isolated, no Node, the contract's API as its only bridge. */
import { BrowserWindow } from 'electron';

export function createMainWindow(preload: string): BrowserWindow {
  return new BrowserWindow({
    width: 1280,
    height: 820,
    show: false,
    title: 'Attune',
    webPreferences: {
      // The preload exposes only the contract's API through contextBridge (main/preload/build-api.ts).
      preload, // eng-disable PRELOAD_JS_CHECK
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Middle-click must not open anything; new windows are denied anyway (hardening.ts).
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
