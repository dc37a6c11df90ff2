import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeFrameHeader, encodeFrame, FRAME_HEADER_BYTES, parsePageMessage } from '../../lib/vision/frame-wire.ts';
import { advanceVideoClock, type VideoClock } from '../../lib/vision/video-timestamp.ts';

describe('frame wire format', () => {
  it('round-trips id, time, size and pixels, with the pixels 8-byte aligned', () => {
    const rgba = Uint8Array.from({ length: 3 * 2 * 4 }, (_, i) => i * 7);
    const message = encodeFrame(4_000_000_001, { t: 123.456789, width: 3, height: 2, rgba });
    assert.equal(FRAME_HEADER_BYTES % 8, 0);
    const buffer = message.buffer.slice(message.byteOffset, message.byteOffset + message.byteLength);
    assert.deepEqual(decodeFrameHeader(buffer), { id: 4_000_000_001, t: 123.456789, width: 3, height: 2 });
    assert.deepEqual(new Uint8Array(buffer, FRAME_HEADER_BYTES), rgba);
  });

  it('refuses pixels that do not match the stated size, on either end', () => {
    assert.throws(() => encodeFrame(1, { t: 0, width: 3, height: 2, rgba: new Uint8Array(23) }), /expected 24/);
    const message = encodeFrame(1, { t: 0, width: 3, height: 2, rgba: new Uint8Array(24) });
    assert.throws(() => decodeFrameHeader(message.buffer.slice(0, message.byteLength - 4)), /expected 48/);
    assert.throws(() => decodeFrameHeader(new ArrayBuffer(10)), /no header/);
  });

  it('accepts the page’s messages and rejects anything else', () => {
    assert.deepEqual(parsePageMessage('{"kind":"error","id":3,"message":"bad"}'), { kind: 'error', id: 3, message: 'bad' });
    assert.equal(parsePageMessage('{"kind":"faces","id":1,"faces":{"t":0,"faces":[]}}').kind, 'faces');
    assert.throws(() => parsePageMessage('{"kind":"faces"}'), /unexpected message/);
    assert.throws(() => parsePageMessage('{"kind":"hello","id":1}'), /unexpected message/);
  });
});

describe('advanceVideoClock', () => {
  const run = (times: number[]): { ms: number; newStream: boolean }[] => {
    let clock: VideoClock | null = null;
    return times.map((t) => {
      const step = advanceVideoClock(clock, t);
      clock = step.clock;
      return { ms: step.clock.timestampMs, newStream: step.newStream };
    });
  };

  it('uses the frame time in whole milliseconds while it increases', () => {
    assert.deepEqual(run([0, 0.2, 0.4004]).map((s) => s.ms), [0, 200, 400]);
  });

  it('moves on by a millisecond when a time repeats or rounds to the same millisecond', () => {
    assert.deepEqual(run([0.2, 0.2, 0.2004, 0.2006]), [
      { ms: 200, newStream: false },
      { ms: 201, newStream: false },
      { ms: 202, newStream: false },
      { ms: 203, newStream: false },
    ]);
  });

  it('starts a new stream, with its own clock, when a frame is earlier than the one before', () => {
    assert.deepEqual(run([10, 10.2, 0, 0.2]), [
      { ms: 10_000, newStream: false },
      { ms: 10_200, newStream: false },
      { ms: 0, newStream: true },
      { ms: 200, newStream: false },
    ]);
  });
});
