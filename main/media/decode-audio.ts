/**
 * Streams a recording's sound as 16 kHz mono float samples. `aresample=async=1` fills gaps in the audio
 * timestamps with silence, so sample index ÷ 16 000 stays media time over a whole session, counted from
 * the recording's start (ffmpeg subtracts the container's start time; monotonic-pts.ts mends backward jumps).
 */
import { basename } from 'node:path';
import { AUDIO_SAMPLE_RATE, type AudioChunk } from '../../lib/media/types.ts';
import { ByteQueue } from './byte-queue.ts';
import { damagedError } from './damage.ts';
import { MONOTONIC_AUDIO_PTS } from './monotonic-pts.ts';
import { runFfmpeg } from './run-ffmpeg.ts';

export interface AudioDecodeOptions {
  signal?: AbortSignal;
}

export async function* decodeAudio(file: string, options: AudioDecodeOptions = {}): AsyncGenerator<AudioChunk> {
  const run = runFfmpeg(
    [
      '-loglevel', 'level+error',
      '-i', file,
      '-map', '0:a:0', '-vn', '-sn', '-dn',
      '-af', `${MONOTONIC_AUDIO_PTS},aresample=async=1:first_pts=0`,
      '-ac', '1', '-ar', String(AUDIO_SAMPLE_RATE),
      '-f', 'f32le', 'pipe:1',
    ],
    () => undefined,
    options.signal,
  );
  const bytes = new ByteQueue();
  let sampleIndex = 0;
  function* ready(): Generator<AudioChunk> {
    const whole = bytes.length - (bytes.length % 4);
    if (whole === 0) return;
    const samples = new Float32Array(bytes.take(whole).buffer);
    yield { t0: sampleIndex / AUDIO_SAMPLE_RATE, samples };
    sampleIndex += samples.length;
  }
  try {
    for await (const chunk of run.stdout) {
      bytes.push(chunk as Buffer);
      yield* ready();
    }
    const { code, errors } = await run.done;
    options.signal?.throwIfAborted();
    if (code !== 0 || errors.length > 0 || bytes.length > 0) throw damagedError(basename(file), 'sound', errors);
  } finally {
    run.kill();
  }
}
