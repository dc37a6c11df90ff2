/** What the decoder hands to the analysis stages. */

/** One sampled video frame, scaled for analysis, with its real presentation time. */
export interface VideoFrame {
  /** Presentation time in media seconds (from the stream's timestamps, not a frame count). */
  t: number;
  width: number;
  height: number;
  /** width × height × 4 bytes, RGBA. */
  rgba: Uint8Array;
}

/** A run of 16 kHz mono float samples; `t0` is the media time of the first sample. */
export interface AudioChunk {
  t0: number;
  samples: Float32Array;
}

export const AUDIO_SAMPLE_RATE = 16_000;
