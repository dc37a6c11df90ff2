/** One row of the timeline: a time series plus the words the UI needs to explain it. */
import type { Series } from '../../lib/analysis/types.ts';

export interface DerivedSignal {
  readonly key: string;
  readonly label: string;
  /** How the signal is computed, in plain words (shown as the row's tooltip). */
  readonly how: string;
  readonly unit: string;
  readonly t: ArrayLike<number>;
  readonly values: Series;
  /** A fixed y range for 0..1 scores; null means "scale to this person's own range". */
  readonly range: [number, number] | null;
  /** 'line' for continuous signals; 'band' shades where an on/off signal (speech) is on. */
  readonly draw: 'line' | 'band';
}
