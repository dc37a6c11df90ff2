/**
 * Chance level for synchrony, from surrogate data: the second person's series is cut into segments
 * and the segments put in a random order (Ramseyer & Tschacher's segment shuffling), which keeps how
 * much and how each person moves but destroys any moment-to-moment link between them. Windowed
 * synchrony of the real first series against each shuffled second series gives the values that
 * arise by chance; real synchrony above their 95th percentile is more than two people moving would
 * show anyway. Seeded, so the same input gives the same chance level on every run.
 */
import type { Series } from '../analysis/types.ts';
import { seededRandom } from '../maths/seeded-random.ts';
import { windowedLaggedSynchrony, type LaggedWindowOptions } from './lagged-correlation.ts';

/** The series with its segments of `segmentSamples` in a shuffled order (a short last segment stays last). */
export function segmentShuffled(series: Series, segmentSamples: number, random: () => number): Series {
  const whole = Math.floor(series.length / segmentSamples);
  const order = Array.from({ length: whole }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return [...order.flatMap((k) => series.slice(k * segmentSamples, (k + 1) * segmentSamples)), ...series.slice(whole * segmentSamples)];
}

export interface ChanceLevel {
  /** 95th percentile of the surrogate windows' peak |z|. */
  p95: number;
  mean: number;
  /** How many surrogate windows had a value. */
  windows: number;
}

export function surrogateChance(a: Series, b: Series, options: LaggedWindowOptions, surrogates: number, seed: number): ChanceLevel | null {
  const random = seededRandom(seed);
  const values: number[] = [];
  for (let s = 0; s < surrogates; s++) {
    for (const w of windowedLaggedSynchrony(a, segmentShuffled(b, options.windowSamples, random), options)) {
      if (w.peakZ !== null) values.push(w.peakZ);
    }
  }
  if (values.length === 0) return null;
  values.sort((x, y) => x - y);
  return {
    p95: values[Math.min(values.length - 1, Math.floor(0.95 * values.length))]!,
    mean: values.reduce((sum, v) => sum + v, 0) / values.length,
    windows: values.length,
  };
}
