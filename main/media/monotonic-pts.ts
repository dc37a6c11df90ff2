/**
 * ffmpeg filters that keep a stream's timestamps from going backwards. A recording spliced from two
 * parts whose clocks both start at 0, or one whose recorder reset its clock, jumps back mid-file;
 * ffmpeg mends that by itself only for formats that declare such jumps (MPEG-TS). Left as they are,
 * `select` would drop every frame until the clock caught up again and `aresample` would drop the
 * same stretch of sound, so part of the session would silently go missing.
 *
 * Each frame keeps its distance from the frame before, so gaps (a camera that stalled, sound that
 * paused) stay gaps; only a step back is replaced by one frame's length (video: one frame at the
 * stream's rate, or 40 ms if it has none; sound: the frame's own samples). The later part then reads
 * as if played straight after the earlier one. For well-formed recordings this is the identity.
 */
const keepSpacing = (stepBack: string): string =>
  `'if(isnan(PREV_INPTS),PTS,if(gte(PTS,PREV_INPTS),PREV_OUTPTS+PTS-PREV_INPTS,PREV_OUTPTS+${stepBack}))'`;

export const MONOTONIC_VIDEO_PTS = `setpts=${keepSpacing('if(isnan(FR),0.04,1/FR)/TB')}`;
export const MONOTONIC_AUDIO_PTS = `asetpts=${keepSpacing('NB_SAMPLES/SR/TB')}`;
