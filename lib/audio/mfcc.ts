/**
 * Mel-frequency cepstral coefficients of one amplitude spectrum, for telling voices apart.
 *
 * Not Meyda's `mfcc`: it allocates a filtered copy per band on every call and takes log(energy + 1), which
 * squashes quiet bands to 0, so its coefficients change with the recording level — one speaker nearer the
 * microphone would look like a different voice. Here the filter bank is built once and sparse, the log is
 * of the band energy itself (with a floor far below any voice), and c0 (overall level) is left out.
 */

export interface MfccSettings {
  sampleRate: number;
  /** Points of the FFT the spectrum came from; the spectrum holds size/2 bins. */
  fftSize: number;
  bands: number;
  lowHz: number;
  highHz: number;
  /** Coefficients returned, c1 … c<count>. */
  count: number;
}

const melOf = (hz: number) => 1127 * Math.log(1 + hz / 700);
const hzOf = (mel: number) => 700 * (Math.exp(mel / 1127) - 1);
/** Below any band energy of a recorded voice (16-bit quantisation noise alone is far above it). */
const ENERGY_FLOOR = 1e-12;

interface Band {
  first: number;
  weights: Float64Array;
}

export class Mfcc {
  readonly coefficients: Float32Array;
  private readonly bands: Band[];
  private readonly logEnergy: Float64Array;
  /** DCT-II rows for c1 … c<count>, orthonormal scaling. */
  private readonly dct: Float64Array[];

  constructor(readonly settings: MfccSettings) {
    const { sampleRate, fftSize, bands, lowHz, highHz, count } = settings;
    if (count >= bands) throw new RangeError('MFCC count must be below the number of bands');
    const binHz = sampleRate / fftSize;
    const lowMel = melOf(lowHz);
    const step = (melOf(highHz) - lowMel) / (bands + 1);
    const edges = Array.from({ length: bands + 2 }, (_, i) => hzOf(lowMel + i * step));
    this.bands = [];
    for (let b = 0; b < bands; b++) {
      const [left, centre, right] = [edges[b]!, edges[b + 1]!, edges[b + 2]!];
      const first = Math.max(1, Math.ceil(left / binHz));
      const last = Math.min(fftSize / 2 - 1, Math.floor(right / binHz));
      const weights = new Float64Array(Math.max(0, last - first + 1));
      for (let k = first; k <= last; k++) {
        const hz = k * binHz;
        weights[k - first] = hz <= centre ? (hz - left) / (centre - left) : (right - hz) / (right - centre);
      }
      this.bands.push({ first, weights });
    }
    this.logEnergy = new Float64Array(bands);
    this.coefficients = new Float32Array(count);
    this.dct = Array.from({ length: count }, (_, c) => {
      const row = new Float64Array(bands);
      for (let b = 0; b < bands; b++) row[b] = Math.sqrt(2 / bands) * Math.cos((Math.PI * (c + 1) * (b + 0.5)) / bands);
      return row;
    });
  }

  /** Fills and returns `coefficients` from an amplitude spectrum (bins 0 … fftSize/2 − 1). */
  compute(ampSpectrum: Float32Array): Float32Array {
    const { bands, logEnergy, dct, coefficients } = this;
    for (let b = 0; b < bands.length; b++) {
      const { first, weights } = bands[b]!;
      let energy = 0;
      for (let j = 0; j < weights.length; j++) {
        const a = ampSpectrum[first + j] as number;
        energy += (weights[j] as number) * a * a;
      }
      logEnergy[b] = Math.log(energy + ENERGY_FLOOR);
    }
    for (let c = 0; c < dct.length; c++) {
      const row = dct[c]!;
      let sum = 0;
      for (let b = 0; b < bands.length; b++) sum += (row[b] as number) * (logEnergy[b] as number);
      coefficients[c] = sum;
    }
    return coefficients;
  }
}
