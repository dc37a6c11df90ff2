/** Runs ffprobe on a recording and says, in a clinician's words, why it can't be read when it can't. */
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { promisify } from 'node:util';
import { parseProbe, type MediaInfo } from '../../lib/media/probe-info.ts';
import { ffprobePath } from './ffmpeg-paths.ts';
import { MediaError } from './media-error.ts';

const run = promisify(execFile);

export async function probeMedia(file: string, signal?: AbortSignal): Promise<MediaInfo> {
  const name = basename(file);
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) {
    if (info.code === 'ELOOP') throw new MediaError('not-found', `"${name}" is a link that leads back to itself, not a recording.`);
    throw new MediaError('not-found', `The recording "${name}" was not found.`);
  }
  if (info.isDirectory()) throw new MediaError('not-found', `"${name}" is a folder, not a recording. Choose the recording inside it.`);
  // A pipe or a device would be read forever, or not at all: only a file has a length and a fingerprint.
  if (!info.isFile()) throw new MediaError('not-found', `"${name}" is not a file (it is a pipe or a device), so it cannot be analysed as a recording.`);
  if (info.size === 0) throw new MediaError('empty', `The recording "${name}" is empty (0 bytes).`);

  let stdout: string;
  try {
    ({ stdout } = await run(
      ffprobePath(),
      ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file],
      { signal, maxBuffer: 16 * 1024 * 1024 },
    ));
  } catch (error) {
    if (signal?.aborted) throw error;
    if (error instanceof MediaError) throw error;
    throw new MediaError(
      'unreadable',
      `"${name}" could not be opened as a video or audio recording; it may be damaged, incomplete, or not a recording.`,
    );
  }
  const media = parseProbe(JSON.parse(stdout) as unknown);
  if (!media || (!media.video && !media.audio)) {
    throw new MediaError('no-streams', `"${name}" contains neither video nor sound that Attune can analyse.`);
  }
  if (media.durationSec <= 0) {
    throw new MediaError('unreadable', `"${name}" has no readable length; it may be damaged or still being written.`);
  }
  return media;
}
