/**
 * The clock a vision worker gives MediaPipe's VIDEO mode, which rejects a timestamp that is not
 * strictly greater than the one before and carries each face's position from frame to frame.
 *
 * Frame times are real presentation times and normally increase, but rounding to whole
 * milliseconds or a duplicated frame time can repeat one: the clock then moves on by a millisecond
 * instead of failing the frame. A frame earlier than the one before starts a new stream (the same
 * engine analysing another recording): the worker must then start its landmarker afresh, or faces
 * from the last recording's final frame would be "tracked" into the first frame of the next.
 */
export interface VideoClock {
  frameTimeSec: number;
  timestampMs: number;
}

export function advanceVideoClock(clock: VideoClock | null, frameTimeSec: number): { clock: VideoClock; newStream: boolean } {
  const ms = Math.round(frameTimeSec * 1000);
  const newStream = clock !== null && frameTimeSec < clock.frameTimeSec;
  const timestampMs = clock === null || newStream ? ms : Math.max(ms, clock.timestampMs + 1);
  return { clock: { frameTimeSec, timestampMs }, newStream };
}
