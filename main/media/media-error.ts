/**
 * An error about the user's recording or the tools that read it, worded for a clinician.
 * `message` is one line that the CLI prints as it is and the app shows in the session list.
 */
export type MediaErrorCode =
  | 'no-ffmpeg'
  | 'not-found'
  | 'unreadable'
  | 'empty'
  | 'no-streams'
  | 'damaged'
  | 'truncated'
  /** The face engine failed on this recording (see main/vision/vision-failure.ts). */
  | 'face-analysis-failed';

export class MediaError extends Error {
  override name = 'MediaError';
  constructor(
    readonly code: MediaErrorCode,
    message: string,
  ) {
    super(message);
  }
}
