/**
 * Hostile and odd recordings, made at test time with ffmpeg (and the file system), each given to
 * `attune analyze`: every one ends in a valid analysis or in one plain sentence with exit code 3, never a
 * stack trace or a hang, and nothing is left in the output folder when it fails. Where a recording is
 * odd but whole (8K, 1000 frames a second, a rotated phone video, 20 audio tracks…) it must be analysed.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, symlinkSync, truncateSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Analysis } from '../../lib/analysis/types.ts';
import { ffmpeg } from '../helpers/ffmpeg.ts';
import { assertAnalysedOrRefused, failureLine, runCli, type CliRun, type Outcome } from '../helpers/cli.ts';
import { scratch, video } from '../helpers/paths.ts';

const tmp = scratch('hostile');
afterAll(tmp.remove);
const at = (name: string): string => join(tmp.dir, name);
const RAVDESS = video('01-01-01-01-02-01-05.mp4');

interface Case {
  name: string;
  make: (target: string) => void;
  expect: Outcome;
  /** What else must hold of a successful analysis, or of the failure sentence. */
  check?: (run: CliRun) => void;
}

const tone = ['-f', 'lavfi', '-i', 'sine=frequency=220:duration=2'];
const faces = (analysis: Analysis) => analysis.tracks.face.filter((f) => f.presence.filter(Boolean).length > f.presence.length / 2).length;

const cases: Case[] = [
  {
    name: 'eight-k.mp4',
    make: (t) => ffmpeg('-i', RAVDESS, '-t', '1.5', '-vf', 'scale=7680:4320', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-an', t),
    expect: 'works',
    check: (run) => {
      const { video: picture } = (run.analysis as Analysis).source;
      assert.deepEqual(picture && [picture.width, picture.height], [7680, 4320]);
      assert.equal(faces(run.analysis as Analysis), 1, 'the actor is found in the 8K picture');
    },
  },
  {
    name: 'one-pixel-high.mp4',
    make: (t) => ffmpeg('-f', 'lavfi', '-i', 'testsrc2=size=4096x2:rate=10:duration=2', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', t),
    expect: 'either',
  },
  {
    name: 'thousand-fps.mkv',
    make: (t) => ffmpeg('-f', 'lavfi', '-i', 'testsrc2=size=32x32:rate=1000:duration=10', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', t),
    expect: 'works',
    check: (run) => assert.ok(Math.abs((run.analysis as Analysis).source.durationSec - 10) < 0.1),
  },
  {
    name: 'one-frame-in-ten-seconds.mp4',
    make: (t) => ffmpeg('-i', RAVDESS, '-vf', 'fps=0.1', '-c:v', 'libx264', '-preset', 'ultrafast', '-an', t),
    expect: 'either',
  },
  {
    name: 'no-frames.mp4',
    make: (t) => ffmpeg('-i', RAVDESS, '-frames:v', '0', '-an', '-c:v', 'libx264', t),
    expect: 'fails',
  },
  {
    name: 'cover-image-only.m4a',
    make: (t) => ffmpeg('-i', join(tmp.dir, 'cover.png'), '-map', '0', '-c', 'copy', '-disposition:0', 'attached_pic', '-f', 'mp4', t),
    expect: 'fails',
  },
  {
    name: 'twenty-audio-tracks.mkv',
    make: (t) => ffmpeg('-i', RAVDESS, ...Array.from({ length: 19 }, () => tone).flat(), '-map', '0:v', '-map', '0:a', ...Array.from({ length: 19 }, (_, i) => ['-map', `${i + 1}:a`]).flat(), '-c:v', 'copy', '-c:a', 'libopus', t),
    expect: 'works',
    check: (run) => assert.equal(faces(run.analysis as Analysis), 1, 'the actor is found'),
  },
  {
    name: 'variable-frame-rate.mkv',
    make: (t) => ffmpeg('-i', RAVDESS, '-vf', "setpts='if(lt(mod(N,10),5),N/30,N/12)/TB'", '-fps_mode', 'vfr', '-c:v', 'libx264', '-preset', 'ultrafast', '-an', t),
    expect: 'works',
  },
  {
    name: 'rotated-phone.mp4',
    make: (t) => ffmpeg('-i', RAVDESS, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', t),
    expect: 'works',
    check: (run) => {
      const analysis = run.analysis as Analysis;
      assert.equal(faces(analysis), 1, 'the actor is found in the picture as it is shown (turned upright)');
    },
  },
  {
    name: 'interlaced.mkv',
    make: (t) => ffmpeg('-i', RAVDESS, '-vf', 'scale=720:576,interlace', '-flags', '+ildct+ilme', '-c:v', 'mpeg2video', '-b:v', '4M', '-an', t),
    expect: 'works',
    check: (run) => assert.equal(faces(run.analysis as Analysis), 1),
  },
  {
    name: 'eight-channels.wav',
    make: (t) => ffmpeg('-i', RAVDESS, '-vn', '-af', 'pan=7.1|c0=c0|c1=c1|c2=c0|c3=c1|c4=c0|c5=c1|c6=c0|c7=c1', t),
    expect: 'works',
    check: (run) => assert.equal((run.analysis as Analysis).source.audio?.channels, 8),
  },
  {
    name: 'telephone-8khz.wav',
    make: (t) => ffmpeg('-i', RAVDESS, '-vn', '-ar', '8000', '-ac', '1', t),
    expect: 'works',
    check: (run) => assert.equal((run.analysis as Analysis).source.audio?.sampleRate, 8000),
  },
  {
    name: 'a name with spaces, ünïcödé and 日本語.mp4',
    make: (t) => copyFileSync(RAVDESS, t),
    expect: 'works',
    check: (run) => assert.equal((run.analysis as Analysis).source.file, 'a name with spaces, ünïcödé and 日本語.mp4'),
  },
  {
    name: 'a name with a\nnewline.mp4',
    make: (t) => copyFileSync(RAVDESS, t),
    expect: 'works',
  },
  {
    name: 'loop.mp4',
    make: (t) => symlinkSync(t, t),
    expect: 'fails',
    check: (run) => assert.match(failureLine(run), /is a link that leads back to itself, not a recording\.$/),
  },
  {
    name: 'pipe.mp4',
    make: (t) => execFileSync('mkfifo', [t]),
    expect: 'fails',
    check: (run) => assert.match(failureLine(run), /is not a file \(it is a pipe or a device\), so it cannot be analysed as a recording\.$/),
  },
  {
    name: 'a-folder.mp4',
    make: (t) => mkdirSync(t),
    expect: 'fails',
    check: (run) => assert.match(failureLine(run), /is a folder, not a recording\. Choose the recording inside it\.$/),
  },
  // Nothing to analyse is said as such, not analysed into an empty result.
  {
    name: 'silence.wav',
    make: (t) => ffmpeg('-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=mono', '-t', '3', t),
    expect: 'fails',
    check: (run) => assert.match(failureLine(run), /no face was found .+ and it has no speech to analyse, so there is nothing to show\. Nothing was saved\.$/i),
  },
  {
    name: 'black-picture.mp4',
    make: (t) => ffmpeg('-f', 'lavfi', '-i', 'color=black:size=640x360:rate=25:duration=3', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', t),
    expect: 'fails',
    check: (run) => assert.match(failureLine(run), /no face was found .+ and it has no speech to analyse, so there is nothing to show\. Nothing was saved\.$/i),
  },
  { name: 'voice.mp3', make: (t) => ffmpeg('-i', RAVDESS, '-vn', '-c:a', 'libmp3lame', t), expect: 'works' },
  {
    name: 'only-the-header.mkv',
    make: (t) => {
      ffmpeg('-i', RAVDESS, '-c', 'copy', at('header-source.mkv'));
      copyFileSync(at('header-source.mkv'), t);
      truncateSync(t, 1024);
    },
    expect: 'fails',
  },
];

describe('hostile and odd input', { concurrent: true, timeout: 600_000 }, () => {
  beforeAll(() => {
    ffmpeg('-i', RAVDESS, '-ss', '1', '-frames:v', '1', at('cover.png'));
    for (const c of cases) c.make(at(c.name));
  });

  for (const c of cases) {
    test(`${JSON.stringify(c.name)}: ${c.expect === 'fails' ? 'a clear error, nothing saved' : c.expect === 'works' ? 'analysed' : 'a clear error or a valid analysis'}`, async () => {
      const out = at(`out-${c.name.replace(/\W+/g, '-')}`);
      const run = await runCli(['analyze', at(c.name), '--out', out, '--quiet'], out, 120_000);
      assertAnalysedOrRefused(run, c.expect);
      c.check?.(run);
    });
  }

  test('a recording still being written (a growing MPEG-TS): a valid analysis of what was there, or a clear error', async () => {
    const file = at('growing.ts');
    // -re writes at the recording's own pace, so the file grows for about 6 s while Attune reads it.
    const writer = spawn('ffmpeg', ['-nostdin', '-loglevel', 'error', '-re', '-stream_loop', '1', '-i', RAVDESS, '-c', 'copy', '-f', 'mpegts', '-flush_packets', '1', file]);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const out = at('out-growing');
      assertAnalysedOrRefused(await runCli(['analyze', file, '--out', out, '--quiet'], out, 120_000), 'either');
    } finally {
      writer.kill('SIGKILL');
    }
  });

  test('a recording deleted while it is analysed: a valid analysis of what was read, or a clear error', async () => {
    const file = at('vanishing.mp4');
    ffmpeg('-stream_loop', '5', '-i', RAVDESS, '-c', 'copy', file);
    const out = at('out-vanishing');
    const running = runCli(['analyze', file, '--out', out, '--quiet'], out, 120_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    unlinkSync(file);
    assertAnalysedOrRefused(await running, 'either');
  });
});
