/**
 * Hann-windowed amplitude spectrum of a real frame, bins 0 … size/2 − 1 (the layout Meyda's spectral
 * extractors expect). A real FFT of `size` points done as one complex FFT of size/2 points on the
 * even/odd samples, with preallocated tables so that a frame allocates nothing.
 */
export class AmplitudeSpectrum {
  readonly bins: Float32Array;
  private readonly half: number;
  private readonly window: Float64Array;
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  private readonly bitReversed: Uint16Array;
  /** exp(−2πik/size) for k < size/2: the split step uses all of them, the half-size FFT every other one. */
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;

  constructor(readonly size: number) {
    if (size < 4 || (size & (size - 1)) !== 0) throw new RangeError('spectrum size must be a power of two ≥ 4');
    const half = size / 2;
    this.half = half;
    this.bins = new Float32Array(half);
    this.window = new Float64Array(size);
    for (let n = 0; n < size; n++) this.window[n] = 0.5 - 0.5 * Math.cos((2 * Math.PI * n) / (size - 1));
    this.re = new Float64Array(half);
    this.im = new Float64Array(half);
    this.cos = new Float64Array(half);
    this.sin = new Float64Array(half);
    for (let k = 0; k < half; k++) {
      this.cos[k] = Math.cos((2 * Math.PI * k) / size);
      this.sin[k] = -Math.sin((2 * Math.PI * k) / size);
    }
    const bits = Math.log2(half);
    this.bitReversed = new Uint16Array(half);
    for (let i = 0; i < half; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      this.bitReversed[i] = r;
    }
  }

  /** Fills and returns `bins` from `signal[at … at + size)`. */
  compute(signal: Float32Array, at: number): Float32Array {
    const { half, re, im, window, bitReversed, cos, sin, bins } = this;
    for (let m = 0; m < half; m++) {
      const r = bitReversed[m] as number;
      re[r] = (signal[at + 2 * m] as number) * (window[2 * m] as number);
      im[r] = (signal[at + 2 * m + 1] as number) * (window[2 * m + 1] as number);
    }
    for (let span = 1; span < half; span *= 2) {
      const stride = half / span;
      for (let start = 0; start < half; start += 2 * span) {
        for (let j = 0; j < span; j++) {
          const wr = cos[j * stride] as number;
          const wi = sin[j * stride] as number;
          const a = start + j;
          const b = a + span;
          const br = re[b] as number;
          const bi = im[b] as number;
          const tr = br * wr - bi * wi;
          const ti = br * wi + bi * wr;
          re[b] = (re[a] as number) - tr;
          im[b] = (im[a] as number) - ti;
          re[a] = (re[a] as number) + tr;
          im[a] = (im[a] as number) + ti;
        }
      }
    }
    for (let k = 0; k < half; k++) {
      const mirror = k === 0 ? 0 : half - k;
      const zr = re[k] as number;
      const zi = im[k] as number;
      const cr = re[mirror] as number;
      const ci = -(im[mirror] as number);
      // Even part E = (Z[k] + conj Z[M−k]) / 2, odd part O = (Z[k] − conj Z[M−k]) / 2i.
      const er = (zr + cr) / 2;
      const ei = (zi + ci) / 2;
      const or = (zi - ci) / 2;
      const oi = -(zr - cr) / 2;
      const wr = cos[k] as number;
      const wi = sin[k] as number;
      const xr = er + or * wr - oi * wi;
      const xi = ei + or * wi + oi * wr;
      bins[k] = Math.sqrt(xr * xr + xi * xi);
    }
    return bins;
  }
}
