import type { SampleStream } from './sample-stream.ts';

/**
 * 2:1 decimation with a linear-phase half-band low-pass (31-tap Blackman-windowed sinc, cutoff at a
 * quarter of the input rate). Every other tap of a half-band filter is zero, so an output sample costs
 * eight multiplications plus the centre tap.
 *
 * The filter is applied centred: output m sits at input index 2m, so decimated streams need no delay
 * bookkeeping (output m of a 16 kHz → 8 kHz stage is at the same instant as input 2m).
 */
const PAIRS = 8;
/** Input samples either side of the centre that an output sample reads. */
export const HALF_BAND_REACH = 2 * PAIRS - 1;

/** Coefficients of the odd taps ±1, ±3, … ±15 and of the centre, normalised to unity gain at DC. */
function design(): number[] {
  const length = 2 * HALF_BAND_REACH + 1;
  const tap = (k: number): number => {
    const n = k + HALF_BAND_REACH;
    const blackman =
      0.42 - 0.5 * Math.cos((2 * Math.PI * n) / (length - 1)) + 0.08 * Math.cos((4 * Math.PI * n) / (length - 1));
    const sinc = k === 0 ? 0.5 : Math.sin((Math.PI * k) / 2) / (Math.PI * k);
    return sinc * blackman;
  };
  const taps = [tap(0), ...Array.from({ length: PAIRS }, (_, j) => tap(2 * j + 1))];
  const gain = taps.reduce((sum, value, j) => sum + (j === 0 ? value : 2 * value), 0);
  return taps.map((value) => value / gain);
}

const [H0, H1, H3, H5, H7, H9, H11, H13, H15] = design() as [number, number, number, number, number, number, number, number, number];

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
    const count = Math.floor((this.input.end - 1 - HALF_BAND_REACH - 2 * this.next) / 2) + 1;
    if (count <= 0) return;
    const x = this.input.raw;
    const out = this.output.extend(count);
    let c = this.input.offsetOf(2 * this.next);
    for (let m = 0; m < count; m++, c += 2) {
      out[m] =
        H0 * (x[c] as number) +
        H1 * ((x[c - 1] as number) + (x[c + 1] as number)) +
        H3 * ((x[c - 3] as number) + (x[c + 3] as number)) +
        H5 * ((x[c - 5] as number) + (x[c + 5] as number)) +
        H7 * ((x[c - 7] as number) + (x[c + 7] as number)) +
        H9 * ((x[c - 9] as number) + (x[c + 9] as number)) +
        H11 * ((x[c - 11] as number) + (x[c + 11] as number)) +
        H13 * ((x[c - 13] as number) + (x[c + 13] as number)) +
        H15 * ((x[c - 15] as number) + (x[c + 15] as number));
    }
    this.next += count;
  }
}
