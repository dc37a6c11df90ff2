/**
 * FrameChannels over a MessagePort: the one the Electron app hands the page (see lib/ipc/vision-port.ts),
 * and the headless engine's frame relay (websocket-channel.ts). Frames arrive as ArrayBuffers, answers
 * leave as JSON text — the same wire as the WebSocket.
 */
import { VISION_PORT_MESSAGE } from '../../lib/ipc/vision-port.ts';
import type { FrameChannel } from './frame-channel.ts';

/**
 * A FrameChannel over a MessagePort on the frame wire: ArrayBuffers in are frames, answers go out as JSON
 * text. `onClose` says how this port's end is learnt (the port's own event, or a notice on it).
 */
export function portFrameChannel(port: MessagePort, onClose: (listener: () => void) => void): FrameChannel {
  return {
    onFrame(listener) {
      port.addEventListener('message', (frame: MessageEvent) => {
        if (frame.data instanceof ArrayBuffer) listener(frame.data);
      });
      port.start();
    },
    send: (message) => port.postMessage(JSON.stringify(message)),
    onClose,
  };
}

/** Must be called before the page's first await: the port is posted right after the page loads. */
export function receivePortChannel(): Promise<FrameChannel> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent): void => {
      const port = event.ports[0];
      if (event.source !== window || event.origin !== location.origin || event.data !== VISION_PORT_MESSAGE || !port) return;
      window.removeEventListener('message', onMessage);
      resolve(portFrameChannel(port, (listener) => port.addEventListener('close', () => listener())));
    };
    window.addEventListener('message', onMessage);
  });
}
