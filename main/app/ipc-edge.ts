/**
 * The only code that touches ipcMain. Each contract channel gets one handler that first checks who is
 * asking — the main window's top frame, showing the app's own origin — and then hands the still-unknown
 * payload to the backend, which parses it before any handler runs.
 */
import { channels, type IpcResult } from '../../lib/ipc/contract.ts';
import { APP_HOST, APP_SCHEME } from '../../lib/ipc/origins.ts';
import type { AppBackend } from './backend.ts';
import type { IpcInvokeEventEdge, IpcMainEdge } from './electron-edge.ts';

const FORBIDDEN: IpcResult<never> = { ok: false, error: { code: 'forbidden', message: 'This window may not use Attune.' } };

/** True only for the top frame of a trusted web contents, showing a page of `attune://app/`. */
export function isTrustedSender(event: IpcInvokeEventEdge, trustedWebContents: ReadonlySet<number>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || !trustedWebContents.has(event.sender.id)) return false;
  if (!URL.canParse(frame.url)) return false;
  const url = new URL(frame.url);
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}

/** Registers every channel; returns the function that removes them again. */
export function registerIpcHandlers(
  ipcMain: IpcMainEdge,
  backend: Pick<AppBackend, 'invoke'>,
  isTrusted: (event: IpcInvokeEventEdge) => boolean,
): () => void {
  const names = Object.keys(channels);
  for (const channel of names) {
    ipcMain.handle(channel, async (event, payload) => (isTrusted(event) ? backend.invoke(channel, payload) : FORBIDDEN));
  }
  return () => names.forEach((channel) => ipcMain.removeHandler(channel));
}
