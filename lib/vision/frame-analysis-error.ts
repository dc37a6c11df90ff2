/**
 * Face analysis failed inside the vision page — MediaPipe threw or aborted in a worker, a worker died,
 * the page or its browser crashed. `detail` is the engine's own words (for logs and ATTUNE_DEBUG);
 * the pipeline turns this into one sentence a clinician can read, naming `frameSec`.
 */
export class FrameAnalysisError extends Error {
  override name = 'FrameAnalysisError';
  constructor(
    readonly detail: string,
    /** Media time of the frame the analysis stopped at; null when no frame was in flight. */
    readonly frameSec: number | null,
  ) {
    super(frameSec === null ? `face analysis failed: ${detail}` : `face analysis failed for the frame at ${frameSec} s: ${detail}`);
  }
}
