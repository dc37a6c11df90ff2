/**
 * Turns a failure inside the face engine (MediaPipe throwing or aborting in a worker, a worker or the
 * browser dying) into the one sentence a clinician sees: where in the recording it stopped, that
 * nothing was saved, and what to try. The engine's own words stay on the error's `cause` for
 * ATTUNE_DEBUG and bug reports; they never reach the user as the message.
 */
import { FrameAnalysisError } from '../../lib/vision/frame-analysis-error.ts';
import { MediaError } from '../media/media-error.ts';

/** 75.25 → "1:15.3", the way a video player shows a moment. */
export function clockTime(sec: number): string {
  const tenths = Math.round(Math.max(0, sec) * 10);
  const minutes = Math.floor(tenths / 600);
  const seconds = ((tenths % 600) / 10).toFixed(1).padStart(4, '0');
  return `${minutes}:${seconds}`;
}

export function visionFailure(fileName: string, error: FrameAnalysisError): MediaError {
  const where = error.frameSec === null ? '' : ` at ${clockTime(error.frameSec)}`;
  const failure = new MediaError(
    'face-analysis-failed',
    `Face analysis of "${fileName}" stopped${where} because the face engine failed; nothing was saved — try again, and if it stops at the same moment again, the recording may be damaged there.`,
  );
  failure.cause = error;
  return failure;
}

export const isVisionFailure = (error: unknown): error is FrameAnalysisError => error instanceof FrameAnalysisError;
