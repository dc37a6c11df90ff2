/** A FrameChannel over a WebSocket: binary messages are frames, text messages are the page's answers. */
import type { FrameChannel } from './frame-channel.ts';

export function openWebSocketChannel(url: string): Promise<FrameChannel> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.binaryType = 'arraybuffer';
    const failOpen = (): void => reject(new Error('could not open the frame socket'));
    socket.addEventListener('error', failOpen, { once: true });
    socket.addEventListener('open', () => {
      socket.removeEventListener('error', failOpen);
      resolve({
        onFrame(listener) {
          socket.addEventListener('message', (event: MessageEvent) => {
            if (event.data instanceof ArrayBuffer) listener(event.data);
          });
        },
        send: (message) => socket.send(JSON.stringify(message)),
        onClose(listener) {
          socket.addEventListener('close', () => listener());
        },
      });
    }, { once: true });
  });
}
