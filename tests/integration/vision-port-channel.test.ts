/**
 * The seam the Electron app uses: the same vision page, opened with `channel=port`, takes a
 * MessagePort posted to the window (as the app's vision preload does) and answers real frames on it.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { VISION_PORT_MESSAGE } from '../../lib/ipc/vision-port.ts';
import { visionPageQuery } from '../../lib/vision/page-params.ts';
import { FRAME_HEADER_BYTES } from '../../lib/vision/frame-wire.ts';
import { VISION_PAGE_PATHS } from '../../lib/vision/vision-page-paths.ts';
import type { VideoFrame } from '../../lib/media/types.ts';
import { decodeVideoFrames } from '../../main/media/decode-video.ts';
import { openVisionPage, type VisionPage } from '../../main/vision/headless/vision-browser.ts';
import { VISION_ORIGIN } from '../../main/vision/headless/serve-vision-files.ts';
import { video, visionModels } from '../helpers/paths.ts';

describe('vision page over a MessagePort', { timeout: 300_000 }, () => {
  let session: VisionPage;
  let frame: VideoFrame;

  beforeAll(async () => {
    for await (const decoded of decodeVideoFrames(video('01-01-03-01-01-02-05.mp4'), { fps: 1, maxSide: 320 })) {
      frame = decoded;
      break;
    }
    session = await openVisionPage({ models: await visionModels(), workers: 1, delegate: 'CPU' });
    const query = visionPageQuery({ channel: { kind: 'port' }, workers: 1, delegate: 'CPU', faceLandmarks: false, maxFaces: 2 });
    await session.page.goto(`${VISION_ORIGIN}${VISION_PAGE_PATHS.page}?${query}`);
  });
  afterAll(async () => {
    await session.close();
  });

  it('reports ready on the port, then answers a frame in the frame-wire encoding with the face in it', async () => {
    // Passed as source text: tsx would wrap named helpers in a function the page does not have.
    const replies = (await session.page.evaluate(`(async () => {
      const { port1, port2 } = new MessageChannel();
      const replies = [];
      const next = () => new Promise((resolve) => { port1.onmessage = (event) => { replies.push(JSON.parse(event.data)); resolve(); }; });
      let answered = next();
      window.postMessage(${JSON.stringify(VISION_PORT_MESSAGE)}, location.origin, [port2]);
      await answered;
      const pixels = Uint8Array.from(atob(${JSON.stringify(Buffer.from(frame.rgba).toString('base64'))}), (c) => c.charCodeAt(0));
      const message = new ArrayBuffer(${FRAME_HEADER_BYTES} + pixels.length);
      const header = new DataView(message);
      header.setUint32(0, 7, true);
      header.setUint32(4, ${frame.width}, true);
      header.setUint32(8, ${frame.height}, true);
      header.setFloat64(16, ${frame.t}, true);
      new Uint8Array(message, ${FRAME_HEADER_BYTES}).set(pixels);
      answered = next();
      port1.postMessage(message, [message]);
      await answered;
      return replies;
    })()`)) as { kind: string; id?: number; workers?: number; observations?: { t: number; faces: { blendshapes: number[] }[] } }[];
    assert.deepEqual(replies[0], { kind: 'ready', workers: 1, delegate: 'CPU' });
    const answer = replies[1]!;
    assert.equal(answer.kind, 'observations');
    assert.equal(answer.id, 7);
    assert.equal(answer.observations!.t, frame.t);
    assert.equal(answer.observations!.faces.length, 1);
    assert.equal(answer.observations!.faces[0]!.blendshapes.length, 52);
  });
});
