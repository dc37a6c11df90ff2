/**
 * Finds the ffmpeg and ffprobe binaries: FFMPEG_PATH / FFPROBE_PATH, then the `ffmpeg-static` package
 * (an optional dependency that installs on users' machines), then whatever is on PATH.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { MediaError } from './media-error.ts';

const require = createRequire(import.meta.url);
const exe = process.platform === 'win32' ? '.exe' : '';

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name + exe);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

function fromFfmpegStatic(): string | null {
  try {
    const path = require('ffmpeg-static') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export function ffmpegPath(): string {
  const fromEnv = process.env.FFMPEG_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new MediaError('no-ffmpeg', `FFMPEG_PATH points to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const found = fromFfmpegStatic() ?? onPath('ffmpeg');
  if (!found) {
    throw new MediaError(
      'no-ffmpeg',
      'ffmpeg was not found. Reinstall Attune (npm install), install ffmpeg (e.g. "apt install ffmpeg"), or set FFMPEG_PATH.',
    );
  }
  return found;
}

/** ffprobe: FFPROBE_PATH, then beside the ffmpeg in use, then PATH. */
export function ffprobePath(): string {
  const fromEnv = process.env.FFPROBE_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new MediaError('no-ffmpeg', `FFPROBE_PATH points to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const beside = join(dirname(ffmpegPath()), 'ffprobe' + exe);
  const found = existsSync(beside) ? beside : onPath('ffprobe');
  if (!found) {
    throw new MediaError(
      'no-ffmpeg',
      'ffprobe was not found. Install ffmpeg (which includes ffprobe, e.g. "apt install ffmpeg") or set FFPROBE_PATH.',
    );
  }
  return found;
}
