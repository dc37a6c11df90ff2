import type { SampleStream } from './sample-stream.ts';

/**
 * 2:1 decimation with a linear-phase half-band low-pass (Blackman-windowed sinc, cutoff at a quarter
 * of the input rate). Every other tap of a half-band filter is zero, so an output sample costs
 * HALF_BAND_PAIRS multiplications plus the centre tap.
 *
 * The filter is applied centred: output m sits at input index 2m, so decimated streams need no delay
 * bookkeeping (output m of a 16 kHz → 8 kHz stage is at the same time as input 2m).
 */
export const HALF_BAND_PAIRS = 8;
/** Input samples either side of the centre that an output sample reads. */
export const HALF_BAND_REACH = 2 * HALF_BAND_PAIRS - 1;

/** Coefficients of the odd taps ±1, ±3, … ±REACH, normalised with the centre tap to unity DC gain. */
function designOddTaps(): { centre: number; odd: Float64Array } {
  const length = 2 * HALF_BAND_REACH + 1;
  const tap = (k: number): number => {
    const n = k + HALF_BAND_REACH;
    const blackman = 0.42 - 0.5 * Math.cos((2 * Math.PI * n) / (length - 1)) + 0.08 * Math.cos((4 * Math.PI * n) / (length - 1));
    const sinc = k === 0 ? 0.5 : Math.sin((Math.PI * k) / 2) / (Math.PI * k);
    return sinc * blackman;
  };
  const odd = new Float64Array(HALF_BAND_PAIRS);
  let sum = tap(0);
  for (let j = 0; j < HALF_BAND_PAIRS; j++) {
    odd[j] = tap(2 * j + 1);
    sum += 2 * (odd[j] as number);
  }
  for (let j = 0; j < HALF_BAND_PAIRS; j++) odd[j] = (odd[j] as number) / sum;
  return { centre: tap(0) / sum, odd };
}

const { centre: CENTRE, odd: ODD } = designOddTaps();

export class HalfBandDecimator {
  /** Next output index to compute. */
  private next: number;

  constructor(
    private readonly input: SampleStream,
    private readonly output: SampleStream,
  ) {
    this.next = output.end;
  }

  /** Lowest input index that future outputs will read. */
  get inputNeededFrom(): number {
    return 2 * this.next - HALF_BAND_REACH;
  }

  /** Computes every output whose input support is already held. */
  run(): void {
    const lastReadable = this.input.end - 1;
    const data = this.input.raw;
    while (2 * this.next + HALF_BAND_REACH <= lastReadable) {
      const c = this.input.offsetOf(2 * this.next);
      let acc = CENTRE * (data[c] as number);
      for (let j = 0; j < HALF_BAND_PAIRS; j++) {
        const k = 2 * j + 1;
        acc += (ODD[j] as number) * ((data[c - k] as number) + (data[c + k] as number));
      }
      this.output.appendValue(acc);
      this.next++;
    }
  }
}
