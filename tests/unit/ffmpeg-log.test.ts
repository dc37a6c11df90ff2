import { test } from 'vitest';
import assert from 'node:assert/strict';
import { logLevel, parseShowinfoFrame, splitLines } from '../../lib/media/ffmpeg-log.ts';

// Lines captured from Debian ffmpeg 5.1 running the decoder's exact filter chain.
const FRAME = '[Parsed_showinfo_2 @ 0x55cc023a8b00] [info] n:  12 pts: 240240 pts_time:10.01   pos:    11330 fmt:rgba sar:0/1 s:480x270 i:P iskey:0 type:P checksum:9A2DB57F plane_checksum:[9A2DB57F] mean:[110] stdev:[94.2]';
const CONFIG = '[Parsed_showinfo_2 @ 0x55cc023a8b00] [info] config in time_base: 1/24000, frame_rate: 24000/1001';
const SIDE_DATA = '[Parsed_showinfo_2 @ 0x55cc023a8b00] [info]   side data - User Data Unregistered:';
const DECODE_ERROR = '[h264 @ 0x5581d8a3c2c0] [error] error while decoding MB 12 20, bytestream -7';

test('a showinfo frame line gives the real pts time and frame size', () => {
  assert.deepEqual(parseShowinfoFrame(FRAME), { ptsTime: 10.01, width: 480, height: 270 });
});

test('negative pts (some containers start before zero) is kept, not dropped', () => {
  const line = FRAME.replace('pts: 240240 pts_time:10.01', 'pts:  -1001 pts_time:-0.0417');
  assert.equal(parseShowinfoFrame(line)?.ptsTime, -0.0417);
});

test('config and side-data lines are not frames', () => {
  assert.equal(parseShowinfoFrame(CONFIG), null);
  assert.equal(parseShowinfoFrame(SIDE_DATA), null);
  assert.equal(parseShowinfoFrame(DECODE_ERROR), null);
});

test('a frame line without a usable time is not a frame', () => {
  assert.equal(parseShowinfoFrame(FRAME.replace('pts_time:10.01', 'pts_time:NOPTS')), null);
});

test('log levels are read from the level tag', () => {
  assert.equal(logLevel(DECODE_ERROR), 'error');
  assert.equal(logLevel(FRAME), 'info');
  assert.equal(logLevel('[mov,mp4,m4a,3gp,3g2,mj2 @ 0x1] [warning] stream 1, offset 0x30: partial file'), 'warning');
  assert.equal(logLevel('[in#0 @ 0x1] [fatal] Error opening input: Invalid data found'), 'fatal');
  assert.equal(logLevel('no tag here'), 'other');
});

test('lines split across pipe chunks are reassembled', () => {
  const first = splitLines('line one\nline tw');
  assert.deepEqual(first, { lines: ['line one'], rest: 'line tw' });
  const second = splitLines(first.rest + 'o\r\nthree\r');
  assert.deepEqual(second, { lines: ['line two', 'three'], rest: '' });
});
