/**
 * Frames reach the headless vision page through a SharedWorker (workers/vision/frame-relay.ts), which
 * no DevTools session watches: a WebSocket in the page itself had every ~230 KB frame reported to
 * Playwright as base64 text over the DevTools pipe, at the cost of a sixth of a core in the attune process.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { it } from 'vitest';
import { encodeFrame, parsePageMessage } from '../../lib/vision/frame-wire.ts';
import { openVisionPage } from '../../main/vision/headless/vision-browser.ts';
import { visionModels } from '../helpers/paths.ts';

it('frames and answers pass between the attune process and the vision page unseen by DevTools', { timeout: 180_000 }, async () => {
  const session = await openVisionPage({ models: await visionModels(), workers: 1, delegate: 'CPU' });
  try {
    // A DevTools session of our own on the page, listening as Playwright's does.
    const devtools = await session.page.context().newCDPSession(session.page);
    await devtools.send('Network.enable');
    let reported = 0;
    devtools.on('Network.webSocketFrameReceived', () => reported++);
    devtools.on('Network.webSocketFrameSent', () => reported++);

    const width = 64;
    const height = 48;
    session.socket.send(encodeFrame(1, 0, { t: 0, width, height, rgba: new Uint8Array(width * height * 4).fill(128) }));
    const [answer] = (await once(session.socket, 'message')) as [Buffer];
    const message = parsePageMessage(answer.toString('utf8'));
    assert.equal(message.kind, 'observations', JSON.stringify(message));
    assert.equal(reported, 0, 'the frame and its answer were reported to DevTools');
  } finally {
    await session.close();
  }
});
