/**
 * The headless engine's frame socket, held in a SharedWorker that hands each frame to the page over a
 * MessagePort (transferred, not copied) and the page's answers back to the socket.
 *
 * Why not the page itself: Playwright listens to the network of the page and of its dedicated workers,
 * and Chromium then reports every WebSocket message to it as base64 text over the DevTools pipe — each
 * ~230 KB frame encoded in the renderer, relayed by the browser and parsed as JSON by the attune
 * process, which spent about a sixth of a core on it. Playwright does not attach to shared workers, so
 * frames sent here are seen by no one. The socket's URL (token and all) comes in this script's query.
 */

/** The parts of SharedWorkerGlobalScope used here (the project's DOM typings describe a window). */
interface SharedScope {
  addEventListener(type: 'connect', listener: (event: MessageEvent) => void): void;
  location: Location;
}
const scope = self as unknown as SharedScope;

/** What the relay says on the port besides frames: the socket opened, or closed (before opening: it never opened). */
export type RelayNotice = { relay: 'open' } | { relay: 'closed' };

scope.addEventListener('connect', (event: MessageEvent) => {
  const port = event.ports[0];
  const url = new URL(scope.location.href).searchParams.get('socket');
  if (!port || !url) return;
  const socket = new WebSocket(url);
  socket.binaryType = 'arraybuffer';
  socket.addEventListener('open', () => port.postMessage({ relay: 'open' } satisfies RelayNotice));
  socket.addEventListener('close', () => port.postMessage({ relay: 'closed' } satisfies RelayNotice));
  socket.addEventListener('message', (message: MessageEvent) => {
    if (message.data instanceof ArrayBuffer) port.postMessage(message.data, [message.data]);
  });
  port.addEventListener('message', (answer: MessageEvent) => {
    if (typeof answer.data === 'string') socket.send(answer.data);
  });
  port.start();
});
