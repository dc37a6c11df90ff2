import { test } from 'vitest';
import assert from 'node:assert/strict';
import { parseProbe, parseRate } from '../../lib/media/probe-info.ts';

test('frame rates are read from ffprobe fractions', () => {
  assert.ok(Math.abs(parseRate('30000/1001')! - 29.97) < 0.001);
  assert.equal(parseRate('25/1'), 25);
  assert.equal(parseRate('0/0'), null);
  assert.equal(parseRate(undefined), null);
});

test('a phone video stored sideways reports its upright size', () => {
  const info = parseProbe({
    format: { format_name: 'mov', duration: '12.5', start_time: '0.000000' },
    streams: [
      { codec_type: 'video', width: 1920, height: 1080, avg_frame_rate: '30/1', side_data_list: [{ rotation: -90 }] },
      { codec_type: 'audio', sample_rate: '44100', channels: 2 },
    ],
  });
  assert.deepEqual(info?.video, { width: 1080, height: 1920, fps: 30, startSec: 0 });
  assert.deepEqual(info?.audio, { sampleRate: 44100, channels: 2, startSec: 0 });
  assert.equal(info?.durationSec, 12.5);
});

test('cover art in an audio file is not treated as video', () => {
  const info = parseProbe({
    format: { duration: '3.6' },
    streams: [
      { codec_type: 'audio', sample_rate: '48000', channels: 1 },
      { codec_type: 'video', width: 600, height: 600, disposition: { attached_pic: 1 } },
    ],
  });
  assert.equal(info?.video, null);
  assert.ok(info?.audio);
});

test('stream start times are relative to the container start', () => {
  const info = parseProbe({
    format: { duration: '10', start_time: '1.400000' },
    streams: [
      { codec_type: 'video', width: 640, height: 480, r_frame_rate: '15/1', start_time: '1.400000' },
      { codec_type: 'audio', sample_rate: '32000', channels: 1, start_time: '1.450000' },
    ],
  });
  assert.equal(info?.startSec, 1.4);
  assert.equal(info?.video?.startSec, 0);
  assert.ok(Math.abs(info!.audio!.startSec - 0.05) < 1e-9);
});

test('output that is not ffprobe JSON gives null, and a file without streams has no video or audio', () => {
  assert.equal(parseProbe(null), null);
  assert.equal(parseProbe({ format: {} }), null);
  const empty = parseProbe({ streams: [], format: { duration: '1' } });
  assert.equal(empty?.video, null);
  assert.equal(empty?.audio, null);
});
