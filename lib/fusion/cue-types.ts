/** What every derived cue carries, whichever track it comes from. */
import type { Cue, Series } from '../analysis/types.ts';

/**
 * How a reported track feature is summarised over a window, so `before`/`after` can be read:
 * - `level`: its typical value (blendshape 0..1, degrees, Hz, dBFS);
 * - `speed`: how fast it changed, in its units per second (degrees/s);
 * - `spread`: its standard deviation within each half-second bin (Hz);
 * - `share`: the fraction of time it was on (speech).
 */
export type Measure = 'level' | 'speed' | 'spread' | 'share';

/** A marker's cue as fusion writes it: the contract's Cue plus which measure `before`/`after` are in. */
export interface EvidenceCue extends Cue {
  measure: Measure;
}

export interface CueInfo {
  /** Fusion's name for the derived cue (smile, loudness…); the timeline keys its z-series by it. */
  name: string;
  modality: 'face' | 'body' | 'voice';
  /** The track features reported as evidence; each exists in a face, body or voice track. */
  features: readonly string[];
  measure: Measure;
  /**
   * Least typical spread, in the cue's units: a cue that barely moves all session must not turn a tiny
   * wobble into a large z.
   */
  scaleFloor: number;
  /**
   * Whether a short excursion of this cue is worth a brief marker (blinks and speech pauses are not);
   * 'rises' when only a rise is (lips pressed together is a cue, lips parting for a word is speech).
   */
  brief: boolean | 'rises';
  /** Summary phrases for a rise and a fall; `{change}` becomes |after − before| of the first feature. */
  rises: string;
  falls: string;
}

/** One derived cue on the grid, with the reported features on the same grid. */
export interface CueStream {
  info: CueInfo;
  /** The cue per bin in its own units; null where it was not observed. */
  values: Series;
  /** Each reported feature per bin, in its own units under info.measure. */
  features: ReadonlyMap<string, Series>;
  /** The cue's own samples in each bin, where few enough to count (face cues); see FusionOptions.briefMinSamples. */
  samples?: readonly (readonly number[])[];
}
