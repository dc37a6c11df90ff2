/** The worker's typed columns as the contract's VoiceTrack: nulls for unvoiced frames, JSON-safe numbers. */
import type { VoiceTrack } from '../analysis/types.ts';
import type { AudioAnalysis } from './frame-analyser.ts';
import { roundMicro } from './speech-activity.ts';

/** Hundredths of a hertz and of a decibel are far below what either measure can resolve. */
function hundredths(value: number): number {
  return Math.round(value * 100) / 100;
}

export function toVoiceTrack(analysis: AudioAnalysis): VoiceTrack {
  const n = analysis.loudnessDb.length;
  const t = new Array<number>(n);
  const f0Hz = new Array<number | null>(n);
  const loudnessDb = new Array<number | null>(n);
  const speech = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    t[i] = roundMicro(analysis.t0 + i * analysis.hopSec);
    const f0 = analysis.f0Hz[i] as number;
    f0Hz[i] = Number.isNaN(f0) ? null : hundredths(f0);
    loudnessDb[i] = hundredths(analysis.loudnessDb[i] as number);
    speech[i] = analysis.speech[i] as number;
  }
  return { personId: null, t, f0Hz, loudnessDb, speech };
}
