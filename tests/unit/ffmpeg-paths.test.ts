import { afterAll, test } from 'vitest';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ffmpegPath, ffprobePath } from '../../main/media/ffmpeg-paths.ts';
import { MediaError } from '../../main/media/media-error.ts';
import { scratch } from '../helpers/paths.ts';

const tmp = scratch('ffmpeg-paths');
const saved = { ...process.env };
afterAll(() => {
  process.env = saved;
  tmp.remove();
});

function withEnv(env: Record<string, string | undefined>, body: () => void): void {
  const before = { ...process.env };
  Object.assign(process.env, env);
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete process.env[key];
  try {
    body();
  } finally {
    process.env = before;
  }
}

test('FFMPEG_PATH and FFPROBE_PATH win, and a wrong one is a clear error', () => {
  const fake = join(tmp.dir, 'my-ffmpeg');
  writeFileSync(fake, '');
  withEnv({ FFMPEG_PATH: fake, FFPROBE_PATH: fake }, () => {
    assert.equal(ffmpegPath(), fake);
    assert.equal(ffprobePath(), fake);
  });
  withEnv({ FFMPEG_PATH: join(tmp.dir, 'missing') }, () => {
    assert.throws(() => ffmpegPath(), (error: unknown) => error instanceof MediaError && /FFMPEG_PATH points to .*missing/.test(error.message));
  });
});

test('ffprobe is taken from beside the ffmpeg in use, else from the ffprobe package', () => {
  const dir = tmp.dir;
  writeFileSync(join(dir, 'ffmpeg'), '');
  withEnv({ FFMPEG_PATH: join(dir, 'ffmpeg'), FFPROBE_PATH: undefined }, () => {
    assert.match(ffprobePath(), /@ffprobe-installer[\\/].+[\\/]ffprobe(\.exe)?$/, 'nothing beside it: the package');
    writeFileSync(join(dir, 'ffprobe'), '');
    assert.equal(ffprobePath(), join(dir, 'ffprobe'), 'beside it');
  });
});

test('with no ffmpeg on PATH, the ffmpeg-static package is used if installed, else the message says how to get one', () => {
  withEnv({ FFMPEG_PATH: undefined, PATH: join(tmp.dir, 'nowhere') }, () => {
    let found = '';
    let message = '';
    try {
      found = ffmpegPath();
    } catch (error) {
      message = (error as Error).message;
    }
    if (found) assert.match(found, /ffmpeg-static/);
    else assert.match(message, /ffmpeg was not found.*apt install ffmpeg.*FFMPEG_PATH/);
  });
});
