/**
 * The vision stage: decoded frames go to the engine's worker pool with at most `capacity` in flight
 * (so memory stays flat however long the session), and results come back in frame order. Each call
 * is one recording: the engine is told so before the first frame.
 */
import { InOrder } from '../../lib/workers/in-order.ts';
import type { VideoFrame } from '../../lib/media/types.ts';
import type { FrameObservations } from '../../lib/vision/types.ts';
import type { VisionEngine } from './types.ts';

export async function runVisionStage(
  frames: AsyncIterable<VideoFrame>,
  engine: VisionEngine,
  onFrame: (result: FrameObservations) => void,
  signal?: AbortSignal,
): Promise<number> {
  const ordered = new InOrder(onFrame);
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  let seq = 0;
  engine.beginStream();
  for await (const frame of frames) {
    signal?.throwIfAborted();
    if (failure) break;
    const mine = seq++;
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
  await Promise.all(inFlight);
  if (failure) throw failure;
  signal?.throwIfAborted();
  return seq;
}
