import { afterAll, beforeAll, test } from 'vitest';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { decodeAudio } from '../../main/media/decode-audio.ts';
import { decodeVideoFrames } from '../../main/media/decode-video.ts';
import { MediaError } from '../../main/media/media-error.ts';
import { probeMedia } from '../../main/media/probe.ts';
import { ffmpeg } from '../helpers/ffmpeg.ts';
import { liveProcessesMatching } from '../helpers/processes.ts';
import { scratch, speech, video } from '../helpers/paths.ts';

const tmp = scratch('decode');
afterAll(tmp.remove);
const vfr = join(tmp.dir, 'vfr.mkv');

beforeAll(() => {
  // Variable frame rate: 2 s of red at 30 fps, then 2 s of blue at 7 fps. A decoder that counted frames
  // instead of reading timestamps would put blue frames at the wrong times.
  ffmpeg(
    '-f', 'lavfi', '-i', 'color=c=red:s=320x240:r=30:d=2',
    '-f', 'lavfi', '-i', 'color=c=blue:s=320x240:r=7:d=2',
    '-filter_complex', '[0:v][1:v]concat=n=2:v=1[v]', '-map', '[v]', '-fps_mode', 'vfr', '-c:v', 'ffv1', vfr,
  );
});

const isBlue = (rgba: Uint8Array): boolean => rgba[2]! > 200 && rgba[0]! < 50;

test('variable-frame-rate frames carry their real timestamps and match the picture', async () => {
  const frames = [];
  for await (const frame of decodeVideoFrames(vfr, { fps: 5, maxSide: 160 })) frames.push(frame);
  assert.ok(frames.length >= 18 && frames.length <= 21, `about 20 frames at 5 fps over 4 s, got ${frames.length}`);
  for (const [i, frame] of frames.entries()) {
    assert.equal(frame.width, 160);
    assert.equal(frame.height, 120);
    assert.equal(frame.rgba.length, 160 * 120 * 4);
    if (i > 0) assert.ok(frame.t > frames[i - 1]!.t, 'times increase');
    assert.equal(isBlue(frame.rgba), frame.t >= 2, `frame at ${frame.t.toFixed(3)} s shows the colour of that time`);
  }
  // In the 7 fps half the kept frames are real source frames, so their times are multiples of 1/7 after 2 s.
  for (const frame of frames.filter((f) => f.t > 2.01)) {
    const k = (frame.t - 2) * 7;
    assert.ok(Math.abs(k - Math.round(k)) < 0.01, `${frame.t} is a real source timestamp`);
  }
});

test('frames are scaled to the longest side without changing the aspect ratio or enlarging', async () => {
  const sizes = new Set<string>();
  for await (const frame of decodeVideoFrames(video('01-01-01-01-02-01-05.mp4'), { fps: 2, maxSide: 320 })) {
    sizes.add(`${frame.width}x${frame.height}`);
  }
  assert.deepEqual([...sizes], ['320x180']);
  for await (const frame of decodeVideoFrames(vfr, { fps: 1, maxSide: 4000 })) assert.equal(frame.width, 320);
});

test('audio arrives as 16 kHz mono floats whose count matches the duration', async () => {
  const file = speech('03-01-01-01-01-01-05.wav');
  const info = await probeMedia(file);
  let samples = 0;
  let peak = 0;
  let expectedT0 = 0;
  for await (const chunk of decodeAudio(file)) {
    assert.ok(Math.abs(chunk.t0 - expectedT0) < 1e-9, 'chunks are contiguous in time');
    samples += chunk.samples.length;
    expectedT0 = samples / 16_000;
    for (const s of chunk.samples) peak = Math.max(peak, Math.abs(s));
  }
  assert.ok(Math.abs(samples / 16_000 - info.durationSec) < 0.05, `${samples / 16_000} s vs ${info.durationSec} s`);
  assert.ok(peak > 0.01 && peak <= 1, 'real speech, not silence or garbage');
});

test('stopping early or aborting kills ffmpeg at once', async () => {
  const controller = new AbortController();
  const started = performance.now();
  const frames = decodeVideoFrames(video('WolfgangLanger_Pexels.mp4'), { fps: 5, maxSide: 160, signal: controller.signal });
  await frames.next();
  controller.abort(new Error('stop'));
  await assert.rejects(async () => {
    for await (const frame of frames) void frame;
  });
  assert.ok(performance.now() - started < 5000);
  assert.deepEqual(liveProcessesMatching(/(^|\/)ffmpeg$/, 'WolfgangLanger'), []);
});

test('a file that is not a recording fails with a plain-language media error', async () => {
  const fake = join(tmp.dir, 'notes.mp4');
  execFileSync('sh', ['-c', `echo "session notes, not a video" > ${fake}`]);
  await assert.rejects(probeMedia(fake), (error: unknown) => error instanceof MediaError && error.code === 'unreadable');
  await assert.rejects(probeMedia(join(tmp.dir, 'missing.mp4')), (error: unknown) => error instanceof MediaError && error.code === 'not-found');
});
