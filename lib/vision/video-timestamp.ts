/**
 * MediaPipe's VIDEO mode rejects a timestamp that is not strictly greater than the previous one it
 * saw. Frame times are real presentation times and normally increase, but rounding to whole
 * milliseconds, a duplicated frame time or a second file on the same worker can break that; this
 * keeps the worker's clock moving forward by at least a millisecond instead of failing the frame.
 */
export function nextVideoTimestampMs(frameTimeSec: number, previousMs: number | null): number {
  const ms = Math.round(frameTimeSec * 1000);
  return previousMs === null ? ms : Math.max(ms, previousMs + 1);
}
