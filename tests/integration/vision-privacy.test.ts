/**
 * The vision browser reaches no network: its page is served by interception on a made-up origin,
 * every other request is refused, and the frame socket only lets our own page in.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import WebSocket from 'ws';
import { VISION_ORIGIN } from '../../main/vision/headless/serve-vision-files.ts';
import { openFrameSocket } from '../../main/vision/headless/frame-socket.ts';
import { openVisionPage, type VisionPage } from '../../main/vision/headless/vision-browser.ts';
import { visionModels } from '../helpers/paths.ts';

/** Resolves 'open' or the HTTP status that refused the handshake. */
function tryConnect(url: string, origin: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { origin });
    socket.on('open', () => {
      socket.close();
      resolve('open');
    });
    socket.on('unexpected-response', (_request, response) => resolve(String(response.statusCode)));
    socket.on('error', () => resolve('error'));
  });
}

describe('vision browser network isolation', { timeout: 300_000 }, () => {
  let session: VisionPage;

  beforeAll(async () => {
    session = await openVisionPage({ models: await visionModels(), workers: 1, delegate: 'CPU' });
  });
  afterAll(async () => {
    await session.close();
  });

  it('blocks the page from fetching or opening a socket to any outside address', async () => {
    // Passed as source text: tsx would wrap named helpers in a function the page does not have.
    const outcome = await session.page.evaluate(`(async () => {
      const reached = (attempt) => attempt().then(() => true, () => false);
      const socketOpens = (url) => new Promise((resolve) => {
        const socket = new WebSocket(url);
        socket.onopen = () => resolve(true);
        socket.onerror = () => resolve(false);
      });
      return {
        byName: await reached(() => fetch('https://example.com/')),
        byAddress: await reached(() => fetch('http://93.184.216.34/')),
        beacon: await reached(() => fetch('https://www.google-analytics.com/collect', { method: 'POST', body: 'x', mode: 'no-cors' })),
        socket: await socketOpens('wss://example.com/'),
        otherLoopbackPort: await socketOpens('ws://127.0.0.1:9/'),
      };
    })()`);
    assert.deepEqual(outcome, { byName: false, byAddress: false, beacon: false, socket: false, otherLoopbackPort: false });
  });

  it('refuses, and records, every request that is not one of its own files', async () => {
    const own = await session.page.evaluate(() => fetch('/model/face_landmarker.task').then((r) => r.status));
    assert.equal(own, 200);
    await assert.rejects(session.page.evaluate(() => fetch('/anything-else')));
    await assert.rejects(session.page.goto('https://example.com/'));
    assert.ok(session.blockedRequests.includes(`${VISION_ORIGIN}/anything-else`), session.blockedRequests.join(', '));
    assert.ok(session.blockedRequests.includes('https://example.com/'), session.blockedRequests.join(', '));
  });

  it('lets only one connection carrying the run’s token from the page’s origin onto the frame socket', async () => {
    const server = await openFrameSocket(VISION_ORIGIN);
    try {
      const url = new URL(server.url);
      assert.equal(url.hostname, '127.0.0.1');
      const withoutToken = `ws://127.0.0.1:${server.port}/frames`;
      const wrongToken = `${withoutToken}?token=${'A'.repeat(url.searchParams.get('token')!.length)}`;
      assert.equal(await tryConnect(withoutToken, VISION_ORIGIN), '401');
      assert.equal(await tryConnect(wrongToken, VISION_ORIGIN), '401');
      assert.equal(await tryConnect(server.url, 'https://evil.example'), '401');
      assert.equal(await tryConnect(server.url, VISION_ORIGIN), 'open');
      assert.equal(await tryConnect(server.url, VISION_ORIGIN), '401');
    } finally {
      await server.close();
    }
  });
});
