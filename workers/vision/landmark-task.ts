/**
 * One model a vision worker runs on every frame. Each task adds what it sees to its own list of the
 * frame's observations; the worker holds a list of them and knows nothing of any one model.
 */
import type { FrameObservations, LandmarkTaskKind } from '../../lib/vision/types.ts';

export interface LandmarkTask {
  /** Which list of the frame's observations the task fills. */
  kind: LandmarkTaskKind;
  /** `timestampMs` strictly increases within a recording, as MediaPipe's VIDEO mode requires. */
  observe(image: ImageData, timestampMs: number, into: FrameObservations): void;
}
