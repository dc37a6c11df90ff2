/**
 * Damaged recordings made from the shared media: each must end with one plain line and a non-zero exit
 * code and leave nothing in the output folder — or, where the damage is harmless (a wrong file extension,
 * noise in uncompressed sound), give a valid analysis. Never a stack trace, a hang or a partial file.
 * Whole copies in mkv, mov and webm are the controls: those containers must be analysed.
 */
import { afterAll, beforeAll, describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { damage, type Damage } from '../helpers/damage.ts';
import { ffmpeg } from '../helpers/ffmpeg.ts';
import { assertAnalysedOrRefused, runCli, type Outcome } from '../helpers/cli.ts';
import { scratch, SHARED, speech, video } from '../helpers/paths.ts';

const tmp = scratch('damaged');
afterAll(tmp.remove);
const at = (name: string): string => join(tmp.dir, name);

const RAVDESS = video('01-01-01-01-02-01-05.mp4');
const PEXELS = video('WolfgangLanger_Pexels.mp4');
const WEBCAM = video('default.wmv');
const MULTI = video('multi_face.avi');
const WAV = speech('03-01-01-01-01-01-05.wav');

interface Variant {
  name: string;
  make: (target: string) => void;
  expect: Outcome;
}

const damaged = (source: string, how: Damage) => (target: string) => damage(source, target, how);

const variants: Variant[] = [
  { name: 'empty.mp4', make: (t) => writeFileSync(t, ''), expect: 'fails' },
  { name: 'ravdess-cut-1pct.mp4', make: damaged(RAVDESS, { kind: 'truncate', keep: 0.01 }), expect: 'fails' },
  { name: 'ravdess-cut-30pct.mp4', make: damaged(RAVDESS, { kind: 'truncate', keep: 0.3 }), expect: 'fails' },
  { name: 'ravdess-cut-70pct.mp4', make: damaged(RAVDESS, { kind: 'truncate', keep: 0.7 }), expect: 'fails' },
  { name: 'ravdess-cut-95pct.mp4', make: damaged(RAVDESS, { kind: 'truncate', keep: 0.95 }), expect: 'fails' },
  { name: 'pexels-cut-half.mp4', make: damaged(PEXELS, { kind: 'truncate', keep: 0.5 }), expect: 'fails' },
  { name: 'webcam-cut-half.wmv', make: damaged(WEBCAM, { kind: 'truncate', keep: 0.5 }), expect: 'fails' },
  { name: 'multi-cut-half.avi', make: damaged(MULTI, { kind: 'truncate', keep: 0.5 }), expect: 'fails' },
  // ffprobe takes an uncompressed WAV's length from the file size, so a cut WAV reads as a shorter, whole recording.
  { name: 'speech-cut-half.wav', make: damaged(WAV, { kind: 'truncate', keep: 0.5 }), expect: 'either' },
  { name: 'ravdess-header-zeroed.mp4', make: damaged(RAVDESS, { kind: 'zero-head', bytes: 4096 }), expect: 'fails' },
  { name: 'webcam-header-zeroed.wmv', make: damaged(WEBCAM, { kind: 'zero-head', bytes: 4096 }), expect: 'fails' },
  { name: 'multi-header-zeroed.avi', make: damaged(MULTI, { kind: 'zero-head', bytes: 2048 }), expect: 'fails' },
  { name: 'speech-header-zeroed.wav', make: damaged(WAV, { kind: 'zero-head', bytes: 44 }), expect: 'fails' },
  { name: 'ravdess-bursts.mp4', make: damaged(RAVDESS, { kind: 'bursts', count: 6, size: 4096, seed: 1 }), expect: 'fails' },
  { name: 'pexels-bursts.mp4', make: damaged(PEXELS, { kind: 'bursts', count: 6, size: 4096, seed: 2 }), expect: 'fails' },
  { name: 'multi-bursts.avi', make: damaged(MULTI, { kind: 'bursts', count: 6, size: 4096, seed: 3 }), expect: 'fails' },
  // Uncompressed sound has no structure to break: random bytes are just loud noise for a moment.
  { name: 'speech-bursts.wav', make: damaged(WAV, { kind: 'bursts', count: 4, size: 2048, seed: 4 }), expect: 'either' },
  { name: 'ravdess-bit-flips.mp4', make: damaged(RAVDESS, { kind: 'bit-flips', every: 997 }), expect: 'fails' },
  { name: 'pexels-tail-zeroed.mp4', make: damaged(PEXELS, { kind: 'zero-tail', from: 0.6 }), expect: 'fails' },
  { name: 'ravdess-garbage-prefix.mp4', make: damaged(RAVDESS, { kind: 'prefix-garbage', bytes: 1024, seed: 5 }), expect: 'either' },
  { name: 'notes.mp4', make: (t) => writeFileSync(t, 'Session notes, 3 November.\nNot a recording.\n'), expect: 'fails' },
  {
    name: 'still-image.mp4',
    make: (t) => copyFileSync(join(SHARED, 'media', 'faces', 'ravdess_actor05_neutral_01-01-01-01-02-01-05_t0.3s.png'), t),
    expect: 'fails',
  },
  // A wrong extension is not damage: ffmpeg reads the content, and so should Attune.
  { name: 'ravdess-wrong-extension.avi', make: (t) => copyFileSync(RAVDESS, t), expect: 'works' },
  { name: 'speech-wrong-extension.mp4', make: (t) => copyFileSync(WAV, t), expect: 'works' },
  // The same recording, whole, in the other containers sessions arrive in.
  { name: 'ravdess-whole.mkv', make: (t) => ffmpeg('-i', RAVDESS, '-c', 'copy', t), expect: 'works' },
  { name: 'ravdess-whole.mov', make: (t) => ffmpeg('-i', RAVDESS, '-c', 'copy', t), expect: 'works' },
  {
    name: 'ravdess-whole.webm',
    make: (t) => ffmpeg('-i', RAVDESS, '-vf', 'scale=320:-2', '-c:v', 'libvpx', '-b:v', '300k', '-c:a', 'libvorbis', t),
    expect: 'works',
  },
  {
    name: 'ravdess-cut.webm',
    make: (t) => {
      ffmpeg('-i', RAVDESS, '-t', '3', '-vf', 'scale=320:-2', '-c:v', 'libvpx', '-b:v', '300k', '-c:a', 'libvorbis', at('whole.webm'));
      damage(at('whole.webm'), t, { kind: 'truncate', keep: 0.6 });
    },
    expect: 'fails',
  },
  {
    name: 'ravdess-cut.mkv',
    make: (t) => {
      ffmpeg('-i', RAVDESS, '-c', 'copy', at('whole.mkv'));
      damage(at('whole.mkv'), t, { kind: 'truncate', keep: 0.6 });
    },
    expect: 'fails',
  },
  {
    name: 'ravdess-header-zeroed.mov',
    make: (t) => {
      ffmpeg('-i', RAVDESS, '-c', 'copy', at('whole.mov'));
      damage(at('whole.mov'), t, { kind: 'zero-head', bytes: 4096 });
    },
    expect: 'fails',
  },
];

describe('damaged and odd input', { concurrent: true }, () => {
  beforeAll(() => {
    for (const variant of variants) variant.make(at(variant.name));
  });

  for (const variant of variants) {
    test(`${variant.name}: ${variant.expect === 'fails' ? 'a clear error, nothing saved' : variant.expect === 'works' ? 'analysed' : 'a clear error or a valid analysis'}`, async () => {
      const out = at(`out-${variant.name}`);
      const run = await runCli(['analyze', at(variant.name), '--out', out, '--quiet'], out);
      const line = assertAnalysedOrRefused(run, variant.expect);
      if (line !== null) assert.match(line, new RegExp(variant.name.replace(/[.]/g, '\\.')), 'the message names the file');
    });
  }
});

test('there are at least 20 damaged variants', () => {
  assert.ok(variants.filter((v) => v.expect !== 'works').length >= 20);
});
