/**
 * Electron entry point (bundled to dist/main/main.cjs). Wiring only: every decision it applies lives in a
 * module that is tested under Node (hardening, network guard, protocols, IPC edge, backend).
 */
import { extname } from 'node:path';
import { app, dialog, ipcMain, powerMonitor, protocol, safeStorage, session, type BrowserWindow } from 'electron';
import { APP_ENTRY_URL, APP_HOST, APP_SCHEME, MEDIA_SCHEME } from '../../lib/ipc/origins.ts';
import { EVENT_NAMES } from '../../lib/ipc/contract.ts';
import { analyzeFile } from '../pipeline/analyze.ts';
import { APP_CSP, visionCsp } from '../privacy/content-security.ts';
import { installNetworkGuard } from '../privacy/network-guard.ts';
import { loadOrCreateStoreKey } from '../store/store-key.ts';
import { electronVisionFactory, VISION_HOST, VISION_PARTITION } from '../vision/electron/electron-vision.ts';
import { servedVisionFiles } from '../vision/vision-files.ts';
import { createAppProtocolHandler, directoryResolver } from './app-protocol.ts';
import { appPaths } from './app-paths.ts';
import { createAppBackend } from './backend.ts';
import { applyAppPolicy, hardenSession } from './hardening.ts';
import { isTrustedSender, registerIpcHandlers } from './ipc-edge.ts';
import { createMainWindow } from './main-window.ts';
import { createMediaProtocolHandler } from './media-protocol.ts';
import { electronPdfPrinter } from './electron-pdf.ts';

// Before 'ready': the schemes must be privileged and the switches set before Chromium starts.
// corsEnabled lets module scripts and workers load from attune:// (they are fetched in CORS mode); the
// handler sends no Access-Control-Allow-Origin, so no other origin can read from it.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
  { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, stream: true } },
]);
applyAppPolicy(app);
// The main process itself (ffmpeg, the store, the job queue) has no reason to reach another machine either.
installNetworkGuard();

// Two instances would write the same encrypted store at once.
if (!app.requestSingleInstanceLock()) app.quit();
else app.whenReady().then(start, fail);

let mainWindow: BrowserWindow | null = null;

async function start(): Promise<void> {
  const paths = appPaths(app.getAppPath(), process.resourcesPath, app.isPackaged, process.env);
  if (paths.ffmpeg) process.env.FFMPEG_PATH = paths.ffmpeg;
  hardenSession(session.defaultSession);

  const visionFiles = servedVisionFiles(paths);
  const visionSession = session.fromPartition(VISION_PARTITION);
  hardenSession(visionSession);
  visionSession.protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({ [VISION_HOST]: { resolve: visionFiles.resolve, csp: visionCsp() } }),
  );

  const dataDir = app.getPath('userData');
  const backend = createAppBackend({
    dataDir,
    dbKey: loadOrCreateStoreKey(dataDir, safeStorage),
    modelsDir: paths.modelsDir,
    analyze: analyzeFile,
    visionEngine: electronVisionFactory({ session: visionSession, preloadPath: paths.visionPreload, serveModels: visionFiles.serveModels }),
    pickRecording,
    pickSavePath,
    pickPackage,
    printPdf: electronPdfPrinter(),
    // The whole computer's idle time: someone typing in another program is not away.
    idleSeconds: () => powerMonitor.getSystemIdleTime(),
  });

  session.defaultSession.protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({ [APP_HOST]: { resolve: directoryResolver(paths.rendererDir), csp: APP_CSP } }),
  );
  session.defaultSession.protocol.handle(MEDIA_SCHEME, createMediaProtocolHandler(backend.recordingFor, backend.clipFor));

  const window = createMainWindow(paths.preload);
  mainWindow = window;
  const trusted = new Set([window.webContents.id]);
  const unregister = registerIpcHandlers(ipcMain, backend, (event) => isTrustedSender(event, trusted));
  const unsubscribes = EVENT_NAMES.map((name) =>
    backend.subscribe(name, (payload) => {
      if (!window.isDestroyed()) window.webContents.send(name, payload);
    }),
  );
  window.once('ready-to-show', () => window.show());
  await window.loadURL(APP_ENTRY_URL);

  app.on('window-all-closed', () => app.quit());
  onQuit(async () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
    unregister();
    await backend.close();
  });
}

async function pickRecording(purpose: 'import' | 'relocate'): Promise<string | null> {
  const options: Electron.OpenDialogOptions = {
    title: purpose === 'import' ? 'Import a consented session recording' : 'Locate the moved recording',
    properties: ['openFile', 'dontAddToRecent'],
    filters: [{ name: 'Recordings', extensions: ['mp4', 'm4v', 'mov', 'webm', 'mkv', 'avi', 'wmv', 'm4a', 'wav', 'mp3', 'ogg', 'flac'] }],
  };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function pickPackage(): Promise<string | null> {
  const options: Electron.OpenDialogOptions = {
    title: 'Open a review package',
    properties: ['openFile', 'dontAddToRecent'],
    filters: [{ name: 'Attune review packages', extensions: ['attune'] }],
  };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

async function pickSavePath(suggestedName: string): Promise<string | null> {
  const extension = extname(suggestedName).slice(1);
  const options: Electron.SaveDialogOptions = {
    title: 'Save the export',
    defaultPath: suggestedName,
    properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'],
    filters: [{ name: `${extension.toUpperCase()} file`, extensions: [extension] }],
  };
  const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  return result.canceled ? null : (result.filePath ?? null);
}

/** Runs `cleanup` once before quitting (stops the running analysis so no ffmpeg outlives the app). */
function onQuit(cleanup: () => Promise<void>): void {
  let done = false;
  app.on('before-quit', (event) => {
    if (done) return;
    event.preventDefault();
    done = true;
    cleanup().finally(() => app.quit());
  });
}

function fail(error: unknown): void {
  dialog.showErrorBox('Attune could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
}

