/** One row of the timeline: a time series plus the words the UI needs to explain it. */
import type { Series } from '../analysis/types.ts';

export interface DerivedSignal {
  readonly key: string;
  readonly label: string;
  /** How the signal is computed, in plain words (shown as the row's tooltip). */
  readonly how: string;
  readonly unit: string;
  readonly t: ArrayLike<number>;
  readonly values: Series;
  /**
   * For 0..1 scores: the full scale, within which the row zooms to this person's own range (so a
   * change relative to their baseline is visible); null for signals in physical units, which are
   * scaled to this person's own range directly.
   */
  readonly range: [number, number] | null;
  /** 'line' for continuous signals; 'band' shades where an on/off signal (speech) is on. */
  readonly draw: 'line' | 'band';
}
