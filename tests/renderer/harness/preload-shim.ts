/**
 * The test stand-in for main/preload/preload.ts, bundled and injected before the renderer runs:
 * `window.attune` is built by the same `buildAttuneApi` over an edge whose invoke goes to the real
 * backend in Node (a Playwright binding) and whose events are pushed in by the harness.
 */
import { buildAttuneApi, type IpcRendererEdge } from '../../../main/preload/build-api.ts';

type Listener = (event: unknown, payload: unknown) => void;

interface HarnessWindow {
  /** Installed by the harness with page.exposeBinding: runs backend.invoke(channel, payload) in Node. */
  __attuneInvoke(channel: string, payload: unknown): Promise<unknown>;
  /** Called by the harness to deliver a main → renderer event. */
  __attuneEmit(channel: string, payload: unknown): void;
}

const harness = window as unknown as HarnessWindow;
const listeners = new Map<string, Set<Listener>>();

const edge: IpcRendererEdge = {
  invoke: (channel, payload) => harness.__attuneInvoke(channel, payload),
  on: (channel, listener) => {
    const set = listeners.get(channel) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(channel, set);
  },
  removeListener: (channel, listener) => {
    listeners.get(channel)?.delete(listener);
  },
};

harness.__attuneEmit = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) listener(null, payload);
};

// contextBridge hands the page a frozen copy; freezing here keeps the page from patching it the same way.
Object.defineProperty(window, 'attune', { value: Object.freeze(buildAttuneApi(edge)), enumerable: true });
