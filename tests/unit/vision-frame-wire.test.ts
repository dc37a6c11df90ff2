import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { decodeFrameHeader, encodeFrame, FRAME_HEADER_BYTES, parsePageMessage } from '../../lib/vision/frame-wire.ts';
import { advanceVideoClock, type VideoClock } from '../../lib/vision/video-timestamp.ts';

describe('frame wire format', () => {
  it('round-trips id, stream, time, size and pixels, with the pixels 8-byte aligned', () => {
    const rgba = Uint8Array.from({ length: 3 * 2 * 4 }, (_, i) => i * 7);
    const message = encodeFrame(4_000_000_001, 7, { t: 123.456789, width: 3, height: 2, rgba });
    assert.equal(FRAME_HEADER_BYTES % 8, 0);
    const buffer = message.buffer.slice(message.byteOffset, message.byteOffset + message.byteLength);
    assert.deepEqual(decodeFrameHeader(buffer), { id: 4_000_000_001, stream: 7, t: 123.456789, width: 3, height: 2 });
    assert.deepEqual(new Uint8Array(buffer, FRAME_HEADER_BYTES), rgba);
  });

  it('refuses pixels that do not match the stated size, on either end', () => {
    assert.throws(() => encodeFrame(1, 0, { t: 0, width: 3, height: 2, rgba: new Uint8Array(23) }), /expected 24/);
    const message = encodeFrame(1, 0, { t: 0, width: 3, height: 2, rgba: new Uint8Array(24) });
    assert.throws(() => decodeFrameHeader(message.buffer.slice(0, message.byteLength - 4)), /expected 48/);
    assert.throws(() => decodeFrameHeader(new ArrayBuffer(10)), /no header/);
  });

  it('accepts the page’s messages and rejects anything else', () => {
    assert.deepEqual(parsePageMessage('{"kind":"error","id":3,"message":"bad"}'), { kind: 'error', id: 3, message: 'bad' });
    assert.equal(parsePageMessage('{"kind":"observations","id":1,"observations":{"t":0,"faces":[]}}').kind, 'observations');
    assert.deepEqual(parsePageMessage('{"kind":"observations","id":2,"observations":{"t":0,"faces":[]},"ms":{"faces":31.5}}'), {
      kind: 'observations',
      id: 2,
      observations: { t: 0, faces: [] },
      ms: { faces: 31.5 },
    });
    assert.throws(() => parsePageMessage('{"kind":"observations","id":2,"observations":{"t":0,"faces":[]},"ms":{"hands":3}}'), /unexpected message/);
    assert.throws(() => parsePageMessage('{"kind":"observations","id":2,"observations":{"t":0,"faces":[]},"ms":{"faces":"slow"}}'), /unexpected message/);
    assert.throws(() => parsePageMessage('{"kind":"faces"}'), /unexpected message/);
    assert.throws(() => parsePageMessage('{"kind":"hello","id":1}'), /unexpected message/);
  });
});

describe('advanceVideoClock', () => {
  const run = (times: number[]): number[] => {
    let clock: VideoClock | null = null;
    return times.map((t) => (clock = advanceVideoClock(clock, t)).timestampMs);
  };

  it('uses the frame time in whole milliseconds while it increases', () => {
    assert.deepEqual(run([0, 0.2, 0.4004]), [0, 200, 400]);
  });

  it('moves on by a millisecond when a time repeats or rounds to the same millisecond, then follows the frame times again', () => {
    assert.deepEqual(run([0.2, 0.2, 0.2004, 0.2006, 0.4]), [200, 201, 202, 203, 400]);
  });

  it('never goes back: after a backward jump it goes on from where it was, with the recording’s own spacing', () => {
    assert.deepEqual(run([10, 10.2, 0, 0.2, 0.4]), [10_000, 10_200, 10_201, 10_401, 10_601]);
    assert.deepEqual(run([5, 5.2, 5.1, 5.3]), [5_000, 5_200, 5_201, 5_401]);
  });
});
