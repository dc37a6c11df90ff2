/**
 * A compact print of the voice in each half second: the mean MFCCs of its voiced frames. Speaker
 * attribution (lib/speakers/speaker-attribution.ts) clusters these to tell one voice from another.
 * Kept per bin, not per frame, so an hour costs 7 200 rows whatever the frame rate.
 */
import { binAt, makeGrid } from '../fusion/grid.ts';
import { Mfcc } from './mfcc.ts';

/** The same bins as fusion's grid (media time [k·0.5, (k+1)·0.5)). */
export const VOICE_PRINT_BIN_SEC = 0.5;
export const VOICE_PRINT_COEFFICIENTS = 12;

/** Bin k's coefficients are mfccMean[k·coefficients …]; NaN where the bin has no voiced frame. */
export interface VoicePrints {
  binSec: number;
  coefficients: number;
  mfccMean: Float32Array;
  voicedFrames: Uint16Array;
}

/** Voiced frames come in time order; `add` sums them into their bin, `finish` turns sums into means. */
export class VoicePrintAccumulator {
  private readonly mfcc: Mfcc;
  private sums = new Float64Array(0);
  private counts = new Uint16Array(0);
  private bins = 0;

  constructor(sampleRate: number, fftSize: number) {
    // 24 bands between 80 Hz and just under Nyquist of the 8 kHz copy: the speech band a telephone keeps.
    this.mfcc = new Mfcc({ sampleRate, fftSize, bands: 24, lowHz: 80, highHz: Math.min(3900, sampleRate / 2), count: VOICE_PRINT_COEFFICIENTS });
  }

  add(timeSec: number, ampSpectrum: Float32Array): void {
    const bin = binAt(timeSec, VOICE_PRINT_BIN_SEC);
    if (bin < 0) return;
    this.reserve(bin + 1);
    const coefficients = this.mfcc.compute(ampSpectrum);
    const at = bin * VOICE_PRINT_COEFFICIENTS;
    for (let c = 0; c < VOICE_PRINT_COEFFICIENTS; c++) this.sums[at + c]! += coefficients[c] as number;
    if (this.counts[bin]! < 0xffff) this.counts[bin]! += 1;
  }

  finish(durationSec: number): VoicePrints {
    const bins = Math.max(this.bins, makeGrid(durationSec, VOICE_PRINT_BIN_SEC).binCount);
    this.reserve(bins);
    const mfccMean = new Float32Array(bins * VOICE_PRINT_COEFFICIENTS);
    for (let k = 0; k < bins; k++) {
      const n = this.counts[k]!;
      for (let c = 0; c < VOICE_PRINT_COEFFICIENTS; c++) {
        const at = k * VOICE_PRINT_COEFFICIENTS + c;
        mfccMean[at] = n > 0 ? this.sums[at]! / n : Number.NaN;
      }
    }
    return { binSec: VOICE_PRINT_BIN_SEC, coefficients: VOICE_PRINT_COEFFICIENTS, mfccMean, voicedFrames: this.counts.slice(0, bins) };
  }

  private reserve(bins: number): void {
    if (bins <= this.bins) return;
    if (bins > this.counts.length) {
      const capacity = Math.max(bins, this.counts.length * 2, 256);
      const sums = new Float64Array(capacity * VOICE_PRINT_COEFFICIENTS);
      sums.set(this.sums);
      const counts = new Uint16Array(capacity);
      counts.set(this.counts);
      this.sums = sums;
      this.counts = counts;
    }
    this.bins = bins;
  }
}
