/**
 * Builds `window.attune` from the contract's API map, over the one ipcRenderer edge. Every method is a
 * plain invoke of its channel; `{ ok: false }` becomes a rejected Error carrying the clinician-facing
 * message. Listeners receive only the payload — never the IPC event, whose `sender` must not reach the page.
 */
import { API, API_EVENTS, type AttuneApi, type IpcResult } from '../../lib/ipc/contract.ts';

export interface IpcRendererEdge {
  invoke(channel: string, payload?: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

export class AttuneRequestError extends Error {
  override name = 'AttuneRequestError';
}

async function invoke(ipc: IpcRendererEdge, channel: string, request: unknown): Promise<unknown> {
  const result = (await ipc.invoke(channel, request)) as IpcResult<unknown>;
  if (result.ok) return result.value;
  throw new AttuneRequestError(result.error.message);
}

export function buildAttuneApi(ipc: IpcRendererEdge): AttuneApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const [namespace, methods] of Object.entries(API)) {
    const target = (api[namespace] ??= {});
    for (const [method, channel] of Object.entries(methods)) {
      target[method] = (request?: unknown) => invoke(ipc, channel, request);
    }
  }
  for (const [namespace, methods] of Object.entries(API_EVENTS)) {
    const target = (api[namespace] ??= {});
    for (const [method, event] of Object.entries(methods)) {
      target[method] = (listener: (payload: unknown) => void) => {
        const forward = (_event: unknown, payload: unknown): void => listener(payload);
        ipc.on(event, forward);
        return () => {
          ipc.removeListener(event, forward);
        };
      };
    }
  }
  return api as AttuneApi;
}
