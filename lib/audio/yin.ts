/**
 * YIN fundamental-frequency estimation (de Cheveigné & Kawahara, 2002), in two passes for speed:
 * the cumulative-mean-normalised difference function d' is searched on a low-passed copy decimated to
 * 4 kHz (a quarter of the work per lag and a quarter of the lags), then the period is refined with the
 * plain difference function on the full-rate signal around four times the coarse lag, with parabolic
 * interpolation at both stages.
 *
 * Choosing the period: YIN takes the first dip of d' under a fixed threshold. Here the threshold is
 * relative: the first local minimum within `dipMargin` of the deepest one. On a clean voice (deepest
 * dip ≈ 0) that is YIN's rule with threshold `dipMargin`, and it still rejects half-period dips that a
 * strong second harmonic makes; on a breathy or noisy voice, where every dip is shallower, it still
 * prefers the true period to its multiples instead of falling back to the deepest (often doubled) one.
 */
import { BlockedDifference } from './blocked-difference.ts';

export interface YinSettings {
  /** Rate of the coarse (decimated) signal, Hz. */
  coarseRate: number;
  /** Full rate / coarse rate. */
  refineFactor: number;
  minHz: number;
  maxHz: number;
  /** Integration window of the difference function, in coarse samples. */
  window: number;
  /** Coarse samples between successive frames; the window is summed in blocks of gcd(window, hop). */
  hop: number;
  /** A dip of d' this close to the deepest one counts as the period when it comes first. */
  dipMargin: number;
  /** A frame is voiced when d' at the chosen period (its aperiodicity) is below this. */
  voicingThreshold: number;
}

export interface PitchEstimate {
  /** NaN when the frame is unvoiced. */
  f0Hz: number;
  /** d' at the chosen lag: 0 for a perfectly periodic frame, about 1 for noise. */
  aperiodicity: number;
}

const UNVOICED: PitchEstimate = Object.freeze({ f0Hz: Number.NaN, aperiodicity: 1 });

/** Vertex of the parabola through (−1, a), (0, b), (1, c): the offset in [−0.5, 0.5] and its value. */
export function parabolicMinimum(a: number, b: number, c: number): { offset: number; value: number } {
  const curvature = a - 2 * b + c;
  if (!(curvature > 0)) return { offset: 0, value: b };
  const offset = Math.max(-0.5, Math.min(0.5, (a - c) / (2 * curvature)));
  return { offset, value: b - ((a - c) * offset) / 4 };
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

export class YinPitchTracker {
  readonly tauMin: number;
  /** One lag past the longest period, so that a minHz voice is an interior minimum. */
  readonly tauMax: number;
  /** Coarse samples the search reads from its start: window plus the largest lag (and one for interpolation). */
  readonly coarseSpan: number;
  /**
   * Where the search starts, in coarse samples before the frame's instant: the window plus a mid-range
   * period (geometric mean of the range) is centred on the frame, so a gliding F0 is measured where the
   * frame is rather than ahead of or behind it.
   */
  readonly leadIn: number;
  /** Full-rate samples the refinement may read from its start. */
  readonly fineSpan: number;
  private readonly d: Float64Array;
  private readonly dPrime: Float64Array;
  private readonly difference: BlockedDifference;

  constructor(private readonly settings: YinSettings) {
    this.tauMin = Math.floor(settings.coarseRate / settings.maxHz);
    this.tauMax = Math.ceil(settings.coarseRate / settings.minHz) + 1;
    this.coarseSpan = settings.window + this.tauMax + 1;
    this.leadIn = Math.round((settings.window + Math.sqrt(this.tauMin * this.tauMax)) / 2);
    this.fineSpan = (settings.window + this.tauMax + 2) * settings.refineFactor;
    this.d = new Float64Array(this.tauMax + 2);
    this.dPrime = new Float64Array(this.tauMax + 2);
    const block = greatestCommonDivisor(settings.window, settings.hop);
    const blocksPerWindow = settings.window / block;
    this.difference = new BlockedDifference(block, blocksPerWindow, this.tauMax + 1, blocksPerWindow + settings.hop / block);
  }

  /**
   * `coarse[coarseAt …]` (absolute coarse index `coarseIndex`, advancing by `hop` between frames) and
   * `fine[fineAt …]` must start at the same instant and hold `coarseSpan` and `fineSpan` samples.
   */
  estimate(coarse: Float32Array, coarseAt: number, coarseIndex: number, fine: Float32Array, fineAt: number): PitchEstimate {
    const { dipMargin, voicingThreshold, refineFactor, coarseRate } = this.settings;
    const { d, dPrime, tauMin, tauMax } = this;
    this.difference.compute(coarse, coarseAt, coarseIndex, d);
    let running = 0;
    dPrime[0] = 1;
    for (let tau = 1; tau <= tauMax + 1; tau++) {
      running += d[tau] as number;
      // A silent window has d ≡ 0: report it as unvoiced rather than divide by zero.
      if (running <= 0) return UNVOICED;
      dPrime[tau] = ((d[tau] as number) * tau) / running;
    }

    let deepest = tauMin;
    for (let tau = tauMin + 1; tau <= tauMax; tau++) if ((dPrime[tau] as number) < (dPrime[deepest] as number)) deepest = tau;
    const accept = (dPrime[deepest] as number) + dipMargin;
    let best = deepest;
    for (let tau = tauMin; tau < deepest; tau++) {
      const here = dPrime[tau] as number;
      if (here < accept && here <= (dPrime[tau - 1] as number) && here <= (dPrime[tau + 1] as number)) {
        best = tau;
        break;
      }
    }
    // A minimum on the edge of the search range is a period outside minHz..maxHz, not a voice.
    if (best >= tauMax || (dPrime[best - 1] as number) < (dPrime[best] as number)) return UNVOICED;
    const dip = parabolicMinimum(dPrime[best - 1] as number, dPrime[best] as number, dPrime[best + 1] as number);
    if (!(dip.value < voicingThreshold)) return { f0Hz: Number.NaN, aperiodicity: Math.min(1, dip.value) };

    const f0Hz = (coarseRate * refineFactor) / this.refine(fine, fineAt, (best + dip.offset) * refineFactor);
    // Interpolation can carry a dip at the end of the lag range just past minHz..maxHz.
    if (f0Hz < this.settings.minHz || f0Hz > this.settings.maxHz) return UNVOICED;
    return { f0Hz, aperiodicity: Math.max(0, dip.value) };
  }

  /** Local minimum of the full-rate difference function near `guess`, with parabolic interpolation. */
  private refine(fine: Float32Array, fineAt: number, guess: number): number {
    const window = this.settings.window * this.settings.refineFactor;
    const maxLag = (this.tauMax + 1) * this.settings.refineFactor;
    const diffAt = (lag: number): number => {
      let sum = 0;
      const lagged = fineAt + lag;
      for (let j = 0; j < window; j++) {
        const diff = (fine[fineAt + j] as number) - (fine[lagged + j] as number);
        sum += diff * diff;
      }
      return sum;
    };
    let lag = Math.min(maxLag, Math.max(2, Math.round(guess)));
    let here = diffAt(lag);
    let below = diffAt(lag - 1);
    let above = diffAt(lag + 1);
    // The coarse lag is within about one coarse sample of the full-rate minimum: walk downhill at most that far.
    for (let step = 0; step < this.settings.refineFactor; step++) {
      if (below < here && lag - 1 > 1) {
        lag--;
        above = here;
        here = below;
        below = diffAt(lag - 1);
      } else if (above < here && lag + 1 < maxLag) {
        lag++;
        below = here;
        here = above;
        above = diffAt(lag + 1);
      } else break;
    }
    return lag + parabolicMinimum(below, here, above).offset;
  }
}
