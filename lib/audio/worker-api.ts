/** The messages between `analyzeAudio` (main) and the audio worker, over lib/workers/rpc.ts. */
import type { AudioAnalysis } from './frame-analyser.ts';

export interface PushParams {
  /** Media time of the first sample. */
  t0: number;
  /** 16 kHz mono; its buffer is transferred, not copied. */
  samples: Float32Array;
}

export interface PushResult {
  /** Media seconds of audio the worker has received, the end of this chunk. */
  processedSec: number;
}

export type AudioWorkerApi = {
  push: [PushParams, PushResult, never];
  finish: [null, AudioAnalysis, never];
};

/** The column buffers of a finished analysis, moved rather than copied back to the caller. */
export function analysisTransferables(result: unknown): ArrayBuffer[] {
  if (typeof result !== 'object' || result === null || !('loudnessDb' in result)) return [];
  const { f0Hz, loudnessDb, speech, voicePrints } = result as AudioAnalysis;
  return [f0Hz.buffer, loudnessDb.buffer, speech.buffer, voicePrints.mfccMean.buffer, voicePrints.voicedFrames.buffer] as ArrayBuffer[];
}
