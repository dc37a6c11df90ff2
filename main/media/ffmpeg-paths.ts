/**
 * Finds the ffmpeg and ffprobe binaries: FFMPEG_PATH / FFPROBE_PATH, then the packages that ship them
 * (`ffmpeg-static`, `@ffprobe-installer/ffprobe`: optional dependencies), then whatever is on PATH.
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

/** The binary path a package exports (as a string, or as `{ path }`), when the package and its binary are installed. */
function fromPackage(name: string): string | null {
  try {
    const exported = require(name) as unknown;
    const path = typeof exported === 'string' ? exported : (exported as { path?: unknown } | null)?.path;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** The path the user set in `variable`, null when unset; a path that does not exist is an error, not a fallback. */
function fromEnvironment(variable: 'FFMPEG_PATH' | 'FFPROBE_PATH'): string | null {
  const path = process.env[variable];
  if (!path) return null;
  if (!existsSync(path)) throw new MediaError('no-ffmpeg', `${variable} points to ${path}, which does not exist.`);
  return path;
}

export function ffmpegPath(): string {
  const fromEnv = fromEnvironment('FFMPEG_PATH');
  if (fromEnv) return fromEnv;
  const found = fromPackage('ffmpeg-static') ?? onPath('ffmpeg');
  if (!found) {
    throw new MediaError(
      'no-ffmpeg',
      'ffmpeg was not found. Reinstall Attune (npm install), install ffmpeg (e.g. "apt install ffmpeg"), or set FFMPEG_PATH.',
    );
  }
  return found;
}

/** ffprobe: FFPROBE_PATH, then beside the ffmpeg in use (the packaged app puts it there), then the package, then PATH. */
export function ffprobePath(): string {
  const fromEnv = fromEnvironment('FFPROBE_PATH');
  if (fromEnv) return fromEnv;
  const beside = join(dirname(ffmpegPath()), 'ffprobe' + exe);
  const found = existsSync(beside) ? beside : (fromPackage('@ffprobe-installer/ffprobe') ?? onPath('ffprobe'));
  if (!found) {
    throw new MediaError(
      'no-ffmpeg',
      'ffprobe was not found. Install ffmpeg (which includes ffprobe, e.g. "apt install ffmpeg") or set FFPROBE_PATH.',
    );
  }
  return found;
}
