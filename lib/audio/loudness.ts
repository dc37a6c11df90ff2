/**
 * Level in dB relative to full scale, as 20·log10(rms) (a full-scale square wave is 0 dBFS, a
 * full-scale sine −3.01 dBFS; the same convention as ffmpeg's volumedetect and sox's "RMS lev").
 * Digital silence reads LOUDNESS_FLOOR_DB instead of −Infinity, which JSON cannot hold.
 */
export const LOUDNESS_FLOOR_DB = -100;

export function rmsToDbfs(rms: number): number {
  if (!(rms > 0)) return LOUDNESS_FLOOR_DB;
  return Math.max(LOUDNESS_FLOOR_DB, 20 * Math.log10(rms));
}
