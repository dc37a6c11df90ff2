/**
 * The few Electron APIs the main process's policy code touches, as structural interfaces. Electron's own
 * objects satisfy them (main.ts passes the real ones; the type checker holds that); tests pass fakes of
 * exactly this edge and exercise the policy code itself.
 */

export interface PreventableEvent {
  preventDefault(): void;
}

export interface WebContentsEdge {
  readonly id: number;
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

export interface WebRequestEdge {
  onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
}

export interface SessionEdge {
  readonly webRequest: WebRequestEdge;
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  setSpellCheckerEnabled(enable: boolean): void;
}

export interface FrameEdge {
  readonly url: string;
  readonly parent: unknown;
}

export interface IpcInvokeEventEdge {
  readonly sender: { readonly id: number };
  readonly senderFrame: FrameEdge | null;
}

export interface IpcMainEdge {
  handle(channel: string, listener: (event: IpcInvokeEventEdge, payload: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface CommandLineEdge {
  appendSwitch(name: string, value?: string): void;
}

export interface AppEdge {
  readonly commandLine: CommandLineEdge;
  enableSandbox(): void;
  on(event: 'session-created', listener: (session: SessionEdge) => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsEdge) => void): unknown;
}
