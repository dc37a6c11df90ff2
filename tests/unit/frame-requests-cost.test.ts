import assert from 'node:assert/strict';
import { test } from 'vitest';
import { decodeFrameHeader } from '../../lib/vision/frame-wire.ts';
import { FrameRequests } from '../../lib/vision/frame-requests.ts';

test("each model's calls and time are added up from the page's answers, per task", async () => {
  const sent: number[] = [];
  const requests = new FrameRequests(
    (message) => sent.push(decodeFrameHeader(message.buffer as ArrayBuffer).id),
    () => assert.fail('nothing should fail'),
  );
  const frame = (t: number) => ({ t, width: 2, height: 1, rgba: new Uint8Array(8) });
  const answers = [requests.detect(frame(0)), requests.detect(frame(0.2)), requests.detect(frame(0.4))];
  const times = [{ faces: 30, bodies: 35.5 }, { faces: 28 }, undefined];
  sent.forEach((id, i) => requests.receive(JSON.stringify({ kind: 'observations', id, observations: { t: i * 0.2, faces: [], bodies: null }, ms: times[i] })));
  await Promise.all(answers);
  assert.deepEqual(requests.modelCost(), { faces: { frames: 2, ms: 58 }, bodies: { frames: 1, ms: 35.5 } });
  // A copy: the caller cannot change the tally.
  requests.modelCost().faces.frames = 99;
  assert.equal(requests.modelCost().faces.frames, 2);
});
