/**
 * The seam between the vision pool and whatever carries frames into the page. Headless Chromium
 * uses a loopback WebSocket (websocket-channel.ts); the Electron app will hand the page a
 * MessagePort with transferable buffers and only needs another FrameChannel over it.
 */
import { decodeFrameHeader, FRAME_HEADER_BYTES, type PageMessage } from '../../lib/vision/frame-wire.ts';
import type { VisionPool } from './vision-pool.ts';

export interface FrameChannel {
  /** Each binary message is one encoded frame (lib/vision/frame-wire.ts). */
  onFrame(listener: (message: ArrayBuffer) => void): void;
  send(message: PageMessage): void;
  onClose(listener: () => void): void;
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Answers every frame that arrives on the channel with the pool's result, by the frame's id. */
export function serveFrames(channel: FrameChannel, pool: VisionPool): void {
  channel.onFrame((message) => {
    let header;
    try {
      header = decodeFrameHeader(message);
    } catch (error) {
      channel.send({ kind: 'fatal', message: `malformed frame message: ${describe(error)}` });
      return;
    }
    const { id, stream, t, width, height } = header;
    pool.detect(stream, { t, width, height, pixels: message, pixelOffset: FRAME_HEADER_BYTES }).then(
      ({ observations, ms }) => channel.send({ kind: 'observations', id, observations, ms }),
      (error: unknown) => channel.send({ kind: 'error', id, message: describe(error) }),
    );
  });
  channel.onClose(() => pool.close());
}
