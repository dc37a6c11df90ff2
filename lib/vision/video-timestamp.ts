/**
 * The clock a vision worker gives MediaPipe's VIDEO mode, which rejects a timestamp that is not
 * strictly greater than the one before and carries each face's position from frame to frame.
 *
 * Frame times are real presentation times and normally increase, but rounding to whole milliseconds
 * or a duplicated frame time can repeat one, and a damaged or spliced recording can jump backwards.
 * The clock never goes back: a repeat moves on by a millisecond, and after a backward jump the clock
 * keeps the recording's own spacing from one millisecond past where it was, as if the later part were
 * played straight after the earlier one. A worker analyses one recording only (the pool gives each
 * recording fresh workers), so no jump ever needs MediaPipe to start again inside a worker.
 */
export interface VideoClock {
  frameTimeSec: number;
  timestampMs: number;
  /** Added to every frame time since the last backward jump (0 in a well-formed recording). */
  offsetMs: number;
}

export function advanceVideoClock(clock: VideoClock | null, frameTimeSec: number): VideoClock {
  const ms = Math.round(frameTimeSec * 1000);
  if (clock === null) return { frameTimeSec, timestampMs: ms, offsetMs: 0 };
  const offsetMs = frameTimeSec < clock.frameTimeSec ? clock.timestampMs + 1 - ms : clock.offsetMs;
  return { frameTimeSec, timestampMs: Math.max(ms + offsetMs, clock.timestampMs + 1), offsetMs };
}
