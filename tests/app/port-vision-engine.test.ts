import assert from 'node:assert/strict';
import { test } from 'vitest';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { decodeFrameHeader } from '../../lib/vision/frame-wire.ts';
import { PortVisionEngine, type FramePort } from '../../main/vision/electron/port-vision-engine.ts';

/** Node's MessagePort in the shape of Electron's MessagePortMain (message events carry `data`). */
function asFramePort(port: MessagePort): FramePort {
  return {
    postMessage: (message) => port.postMessage(message),
    on: ((event: 'message' | 'close', listener: (event?: { data: unknown }) => void) =>
      event === 'message' ? port.on('message', (data: unknown) => listener({ data })) : port.on('close', () => listener())) as FramePort['on'],
    start: () => port.start(),
    close: () => port.close(),
  };
}

/** The page's side of the wire (lib/ipc/vision-port.ts): frames in as ArrayBuffers, PageMessage JSON out. */
function visionPageOn(port: MessagePort, answer: (t: number) => 'faces' | 'error' | 'fatal'): void {
  port.on('message', (message: ArrayBuffer) => {
    const { id, t, width, height } = decodeFrameHeader(message);
    const kind = answer(t);
    if (kind === 'faces') port.postMessage(JSON.stringify({ kind: 'observations', id, observations: { t, faces: [{ box: { x: 0, y: 0, w: width / 100, h: height / 100 }, yawDeg: 0, pitchDeg: 0, rollDeg: 0, blendshapes: [] }] } }));
    else if (kind === 'error') port.postMessage(JSON.stringify({ kind, id, message: 'no face model output' }));
    else port.postMessage(JSON.stringify({ kind, message: 'out of memory' }));
  });
  port.postMessage(JSON.stringify({ kind: 'ready', workers: 1, delegate: 'CPU' }));
}

const frame = (t: number) => ({ t, width: 4, height: 2, rgba: new Uint8Array(4 * 2 * 4).fill(7) });

test('frames go to the page as frame-wire buffers and each answer settles its own frame', async () => {
  const { port1, port2 } = new MessageChannel();
  let closedHost = 0;
  const engine = new PortVisionEngine(asFramePort(port1), 4, () => [123], () => closedHost++);
  visionPageOn(port2, (t) => (t === 0.4 ? 'error' : 'faces'));
  await engine.ready(5_000);
  const [a, b] = await Promise.all([engine.detect(frame(0)), engine.detect(frame(0.2))]);
  assert.equal(a.t, 0);
  assert.equal(b.t, 0.2);
  assert.deepEqual(a.faces[0]?.box, { x: 0, y: 0, w: 0.04, h: 0.02 }, 'the page saw the 4×2 frame');
  await assert.rejects(engine.detect(frame(0.4)), /face analysis failed for the frame at 0.4 s: no face model output/);
  assert.deepEqual(engine.processIds(), [123]);
  await engine.close();
  assert.equal(closedHost, 1, 'closing the engine closes the hidden window');
  await assert.rejects(engine.detect(frame(0.6)), /closed/);
});

test('a fatal page message fails everything in flight and closes the host', async () => {
  const { port1, port2 } = new MessageChannel();
  let closedHost = 0;
  const engine = new PortVisionEngine(asFramePort(port1), 4, () => [], () => closedHost++);
  visionPageOn(port2, () => 'fatal');
  await engine.ready(5_000);
  await assert.rejects(engine.detect(frame(0)), /the vision page stopped: out of memory/);
  assert.equal(closedHost, 1);
});

test('a page that never becomes ready times out; a cancelled analysis stops waiting at once', async () => {
  const silent = new MessageChannel();
  const engine = new PortVisionEngine(asFramePort(silent.port1), 1, () => [], () => {});
  await assert.rejects(engine.ready(50), /did not start within 0.05 s/);
  silent.port2.close();

  const cancelled = new MessageChannel();
  const controller = new AbortController();
  const waiting = new PortVisionEngine(asFramePort(cancelled.port1), 1, () => [], () => {});
  const ready = waiting.ready(60_000, controller.signal);
  controller.abort();
  await assert.rejects(ready, /cancelled/);
  cancelled.port2.close();
});
