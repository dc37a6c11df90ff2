/**
 * The vision stage: decoded frames go to the engine's worker pool with at most `capacity` in flight
 * (so memory stays flat however long the session), and results come back in frame order. Each call
 * is one recording.
 *
 * The recording is analysed in segments of `segments.seconds` of media: at each segment's first frame
 * the engine starts afresh (after the previous segment's frames are all back), in every run. So a
 * segment's observations depend on its own frames only, and a run that replays the saved observations
 * of the first segments and analyses the rest computes exactly what a run straight through does.
 */
import { InOrder } from '../../lib/workers/in-order.ts';
import type { VideoFrame } from '../../lib/media/types.ts';
import type { FrameObservations } from '../../lib/vision/types.ts';
import type { VisionEngine } from './types.ts';

export interface VisionSegments {
  seconds: number;
  /** Observations of segments 0, 1, … saved by an earlier run: replayed, not analysed again. */
  done: FrameObservations[][];
  /** Each segment analysed in this run, once all its observations are in (segments without frames too). */
  onSegment?(index: number, observations: FrameObservations[]): Promise<void>;
}

export class SavedFramesMismatch extends Error {
  override name = 'SavedFramesMismatch';
}

export async function runVisionStage(
  frames: AsyncIterable<VideoFrame>,
  engine: VisionEngine,
  onFrame: (result: FrameObservations) => void,
  signal?: AbortSignal,
  segments: VisionSegments = { seconds: Infinity, done: [] },
): Promise<number> {
  let collected: FrameObservations[] = [];
  const ordered = new InOrder((result: FrameObservations) => {
    collected.push(result);
    onFrame(result);
  });
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  let seq = 0;
  let segment = -1;
  let replayed = 0;

  /**
   * Ends the segments before `next` once their frames are all back: a replayed one must have used all
   * its saved frames; one analysed here (or one without frames) is handed to onSegment.
   */
  async function finishUpTo(next: number): Promise<void> {
    await Promise.all(inFlight);
    if (failure) throw failure;
    for (let index = Math.max(segment, 0); index < next; index++) {
      const saved = segments.done[index];
      const seen = index === segment ? collected : [];
      if (!saved) await segments.onSegment?.(index, seen);
      else if (saved.length !== seen.length) throw new SavedFramesMismatch(`segment ${index}: ${seen.length} frames decoded, ${saved.length} saved`);
    }
    collected = [];
    replayed = 0;
  }

  for await (const frame of frames) {
    signal?.throwIfAborted();
    if (failure) break;
    const index = Math.floor(frame.t / segments.seconds);
    if (index > segment) {
      await finishUpTo(index);
      segment = index;
      if (!segments.done[segment]) engine.beginStream();
    }
    const mine = seq++;
    const saved = segments.done[segment];
    if (saved) {
      const observations = saved[replayed++];
      if (observations?.t !== frame.t) throw new SavedFramesMismatch(`segment ${segment}: a frame decoded at ${frame.t} s was saved at ${observations?.t} s`);
      ordered.put(mine, observations);
      continue;
    }
    const task: Promise<void> = engine.detect(frame).then(
      (result) => ordered.put(mine, result),
      (error: unknown) => {
        failure ??= error;
      },
    );
    const tracked = task.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    if (inFlight.size >= engine.capacity) await Promise.race(inFlight);
  }
  if (!failure && segment >= 0) await finishUpTo(segment + 1);
  await Promise.all(inFlight);
  if (failure) throw failure;
  signal?.throwIfAborted();
  return seq;
}
