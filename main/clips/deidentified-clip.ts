/**
 * A de-identified clip (docs/review-package.md): the faces found in the stretch drawn as the outline of
 * their landmarks and the bodies as lines between keypoints (lib/clips/landmark-drawing.ts), on a plain
 * background, with the voice pitch-shifted. The recording's pixels go to the landmark models and nowhere
 * else: ffmpeg encodes only the drawing, so no frame of the clip carries the picture.
 */
import { FaceLandmarker } from '@mediapipe/tasks-vision';
import { basename } from 'node:path';
import { once } from 'node:events';
import type { ClipWindow } from '../../lib/clips/clip-windows.ts';
import { drawPeople } from '../../lib/clips/landmark-drawing.ts';
import type { VideoFrame } from '../../lib/media/types.ts';
import { decodeVideoFrames } from '../media/decode-video.ts';
import { MediaError } from '../media/media-error.ts';
import { runFfmpeg } from '../media/run-ffmpeg.ts';
import { runVisionStage } from '../pipeline/run-vision.ts';
import type { VisionEngine } from '../pipeline/types.ts';
import { CLIP_MAX_SIDE, CLIP_OUTPUT_ARGS, collectClip } from './cut-clip.ts';

/** Frames a second of the drawing: smooth enough to see an expression change, cheap enough to find landmarks in. */
export const DEIDENTIFIED_FPS = 15;
/** Voice pitch up by a factor 1.25 (about four semitones), the length and pace of speech kept. */
export const PITCH_FACTOR = 1.25;

/** ffmpeg's own filters only (every build has them): play faster, resample back, slow the tempo to match. */
export function pitchShiftFilter(sampleRate: number, factor = PITCH_FACTOR): string {
  return `asetrate=${Math.round(sampleRate * factor)},aresample=${sampleRate},atempo=${(1 / factor).toFixed(6)}`;
}

const FACE_EDGES = FaceLandmarker.FACE_LANDMARKS_CONTOURS;

interface DrawnFrame {
  faces: number[][];
  bodies: number[][];
}

/**
 * `engine` must have been started with `faceLandmarks: true`; it is used for this clip's stream and left
 * open for the next. `sampleRate` is the recording's (null: no sound, so the clip has none).
 */
export async function deidentifiedClip(file: string, window: ClipWindow, engine: VisionEngine, sampleRate: number | null, signal?: AbortSignal): Promise<Buffer> {
  const durationSec = window.endSec - window.startSec;
  let size: { width: number; height: number } | null = null;
  async function* sized(frames: AsyncIterable<VideoFrame>): AsyncGenerator<VideoFrame> {
    for await (const frame of frames) {
      size ??= { width: frame.width, height: frame.height };
      yield frame;
    }
  }
  const drawn: DrawnFrame[] = [];
  let bodies: number[][] = [];
  await runVisionStage(
    sized(decodeVideoFrames(file, { fps: DEIDENTIFIED_FPS, maxSide: CLIP_MAX_SIDE, range: { startSec: window.startSec, durationSec }, signal })),
    engine,
    (seen) => {
      // The body model runs on some frames only; between them the last bodies seen stay drawn.
      if (seen.bodies) bodies = seen.bodies.map((b) => b.keypoints);
      drawn.push({ faces: seen.faces.flatMap((f) => (f.landmarks ? [f.landmarks] : [])), bodies });
    },
    signal,
  );
  if (!size || drawn.length === 0) {
    throw new MediaError('no-streams', `"${basename(file)}" has no picture between ${window.startSec} and ${window.endSec} s, so there is nothing to draw for marker ${window.markerId}.`);
  }
  const { width, height } = size;
  const run = runFfmpeg(
    [
      '-loglevel', 'level+error',
      '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${width}x${height}`, '-framerate', String(DEIDENTIFIED_FPS), '-i', 'pipe:0',
      ...(sampleRate ? ['-ss', String(window.startSec), '-t', String(durationSec), '-i', file] : []),
      '-map', '0:v:0',
      ...(sampleRate ? ['-map', '1:a:0?', '-af', pitchShiftFilter(sampleRate)] : []),
      ...CLIP_OUTPUT_ARGS,
    ],
    () => {},
    signal,
    'pipe',
  );
  const output = collectClip(run, file, signal);
  output.catch(() => undefined); // awaited by the caller; a failure while frames are still being written is not unhandled
  const stdin = run.stdin!;
  try {
    for (const frame of drawn) {
      signal?.throwIfAborted();
      if (!stdin.write(drawPeople(width, height, frame, FACE_EDGES))) await Promise.race([once(stdin, 'drain'), run.done]);
    }
  } finally {
    stdin.end();
  }
  return output;
}
