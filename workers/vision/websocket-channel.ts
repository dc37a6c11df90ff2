/**
 * A FrameChannel over the loopback WebSocket, held by a SharedWorker (frame-relay.ts): binary messages
 * are frames, text messages are the page's answers.
 */
import type { FrameChannel } from './frame-channel.ts';
import type { RelayNotice } from './frame-relay.ts';
import { portFrameChannel } from './message-port-channel.ts';

const isNotice = (data: unknown): data is RelayNotice => typeof data === 'object' && data !== null && 'relay' in data;

export function openWebSocketChannel(url: string, relayPath: string): Promise<FrameChannel> {
  return new Promise((resolve, reject) => {
    const relay = new SharedWorker(`${relayPath}?${new URLSearchParams({ socket: url })}`, { type: 'module' });
    const { port } = relay;
    const closeListeners: (() => void)[] = [];
    let opened = false;
    relay.addEventListener('error', () => reject(new Error('could not start the frame relay')));
    port.addEventListener('message', (event: MessageEvent) => {
      if (!isNotice(event.data)) return;
      if (event.data.relay === 'open') {
        opened = true;
        resolve(portFrameChannel(port, (listener) => closeListeners.push(listener)));
      } else if (!opened) reject(new Error('could not open the frame socket'));
      else for (const listener of closeListeners) listener();
    });
    port.start();
  });
}
