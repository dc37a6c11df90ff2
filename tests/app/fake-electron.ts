/**
 * A stand-in for the `electron` module, for loading the built main-process bundle under Node (the Electron
 * binary cannot run here). It implements only the calls main.ts makes, records them, and lets the test
 * drive the app's lifecycle and call the handlers the bundle registered. Nothing behind the edge is faked.
 */
import { EventEmitter } from 'node:events';

type Handler = (...args: never[]) => unknown;

export class FakeSession {
  readonly protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  beforeRequest: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | null = null;
  permissionRequest: Handler | null = null;
  spellChecker = true;
  readonly protocol = { handle: (scheme: string, handler: (request: Request) => Promise<Response>) => this.protocolHandlers.set(scheme, handler) };
  readonly webRequest = { onBeforeRequest: (listener: NonNullable<FakeSession['beforeRequest']>) => (this.beforeRequest = listener) };
  constructor(readonly partition: string) {}
  setPermissionRequestHandler(handler: Handler): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(): void {}
  setDevicePermissionHandler(): void {}
  setSpellCheckerEnabled(enable: boolean): void {
    this.spellChecker = enable;
  }
}

export function createFakeElectron(options: { appPath: string; userData: string }) {
  const app = Object.assign(new EventEmitter(), {
    switches: new Map<string, string | undefined>(),
    sandboxed: false,
    quitCalls: 0,
    commandLine: { appendSwitch: (name: string, value?: string) => app.switches.set(name, value) },
    enableSandbox: () => (app.sandboxed = true),
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    getAppPath: () => options.appPath,
    getPath: (name: string) => (name === 'userData' ? options.userData : `/nonexistent/${name}`),
    isPackaged: false,
    quit: () => {
      app.quitCalls++;
      const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
      app.emit('before-quit', event);
    },
    exit: (code: number) => {
      throw new Error(`app.exit(${code})`);
    },
  });

  const sessions = new Map<string, FakeSession>();
  const fromPartition = (partition: string): FakeSession => {
    let session = sessions.get(partition);
    if (!session) {
      session = new FakeSession(partition);
      sessions.set(partition, session);
      app.emit('session-created', session);
    }
    return session;
  };
  const defaultSession = fromPartition('');

  const windows: FakeBrowserWindow[] = [];
  let nextId = 1;
  class FakeBrowserWindow extends EventEmitter {
    readonly loaded: string[] = [];
    readonly webContents = Object.assign(new EventEmitter(), {
      id: nextId++,
      sent: [] as [string, unknown][],
      send: (channel: string, payload: unknown) => this.webContents.sent.push([channel, payload]),
      setWindowOpenHandler: (_handler: Handler) => {},
      postMessage: () => {},
      getOSProcessId: () => 0,
    });
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    async loadURL(url: string): Promise<void> {
      this.loaded.push(url);
    }
    isDestroyed(): boolean {
      return false;
    }
    show(): void {}
    destroy(): void {}
  }

  const ipcHandlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  const schemes: unknown[] = [];
  const electron = {
    app,
    protocol: { registerSchemesAsPrivileged: (list: unknown[]) => schemes.push(...list) },
    session: { defaultSession, fromPartition },
    // Nobody is away in these tests; the lock's own tests set the idle time through the backend.
    powerMonitor: { getSystemIdleTime: () => 0 },
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptString: (text: string) => Buffer.from(text).reverse(),
      decryptString: (bytes: Buffer) => Buffer.from(bytes).reverse().toString(),
    },
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, payload: unknown) => Promise<unknown>) => ipcHandlers.set(channel, listener),
      removeHandler: (channel: string) => ipcHandlers.delete(channel),
    },
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showErrorBox: (title: string, content: string) => {
        throw new Error(`${title}: ${content}`);
      },
    },
    BrowserWindow: FakeBrowserWindow,
    MessageChannelMain: class {},
  };
  return { electron, app, sessions, windows, ipcHandlers, schemes };
}
