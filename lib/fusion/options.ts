/**
 * The settings of fusion, with the defaults that docs/markers.md explains. None of them is tuned to one
 * recording: each is a unit the clinician can read (seconds, the person's typical spread, noise errors,
 * a chance of a false marker).
 */
import { twoSidedZ } from './normal.ts';

export interface FusionOptions {
  /** Width of one bin of the common time grid, in seconds. */
  binSec: number;
  /** The two-window test compares windows of this fraction of the duration, clamped to the two limits below. */
  windowFraction: number;
  /** Shortest window, seconds: no shorter than a brief excursion (briefMaxSec), so a blip is not read as lasting. */
  windowMinSec: number;
  /** Longest window, seconds: a change that holds this long is a lasting one in a conversation. */
  windowMaxSec: number;
  /** A window counts only if at least this fraction of its bins observed the cue (and never fewer than 2 bins). */
  minCoverage: number;
  /** Smallest before→after difference, in units of the person's typical spread of that cue, that is a shift. */
  shiftMinEffect: number;
  /**
   * The chance that a recording with no change in it gets a shift marker from noise alone; brief markers
   * get a budget of the same size. Spread evenly over every comparison the recording makes (Bonferroni),
   * it sets the least difference, in standard errors of the cue's noise, that counts: see evidenceBar.
   */
  falseAlarmRate: number;
  /** The evidence bar never drops below this many standard errors, however few comparisons were made. */
  evidenceFloor: number;
  /** A brief excursion goes at least this many typical spreads away from the person's baseline… */
  briefMinZ: number;
  /**
   * …for at most this many seconds, from where it left to where it came back within briefReturnZ (the
   * shortest shift window: what is longer is for the shift test)…
   */
  briefMaxSec: number;
  /** …which is where it starts and ends, and the cue's surroundings average within this many spreads of baseline… */
  briefReturnZ: number;
  /**
   * …and at least this many of the cue's samples in the excursion are that far out, where the cue knows
   * its samples (face cues, ~2–3 frames a bin). A 0.5-s bin holds 2 or 3 frames at 5 a second, and in a
   * 2-frame bin the median is the mean, so one odd frame (a blink caught mid-closure reads as a glance
   * down) could make an excursion, depending on where the recording starts.
   */
  briefMinSamples: number;
}

export const DEFAULT_FUSION_OPTIONS: Readonly<FusionOptions> = Object.freeze({
  binSec: 0.5,
  windowFraction: 0.5,
  windowMinSec: 3,
  windowMaxSec: 10,
  minCoverage: 0.3,
  shiftMinEffect: 1,
  falseAlarmRate: 0.01,
  evidenceFloor: 3,
  briefMinZ: 3,
  briefMaxSec: 3,
  briefReturnZ: 1.5,
  briefMinSamples: 2,
});

/** The defaults with the caller's overrides; throws on settings that cannot describe a grid or a test. */
export function resolveOptions(overrides: Partial<FusionOptions> = {}): FusionOptions {
  const options = { ...DEFAULT_FUSION_OPTIONS, ...overrides };
  for (const [name, value] of Object.entries(options)) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`fusion option ${name} must be a finite number ≥ 0`);
  }
  if (options.binSec <= 0) throw new RangeError('fusion option binSec must be > 0');
  if (options.falseAlarmRate <= 0 || options.falseAlarmRate >= 1) throw new RangeError('fusion option falseAlarmRate must be in (0, 1)');
  if (options.windowMinSec > options.windowMaxSec) throw new RangeError('windowMinSec must not exceed windowMaxSec');
  return options;
}

/**
 * The two-window test's window in whole bins: half the recording, clamped to [3 s, 10 s] by default.
 * Short clips (3–20 s) get the widest windows that still leave room for a before and an after; sessions
 * get 10 s, so a shift means a change that held for about ten seconds.
 */
export function windowBins(durationSec: number, options: FusionOptions): number {
  const sec = Math.min(options.windowMaxSec, Math.max(options.windowMinSec, options.windowFraction * durationSec));
  return Math.max(1, Math.round(sec / options.binSec));
}

/** The fewest observed bins a window (or a brief excursion's surroundings) needs to be compared at all. */
export function minWindowBins(wBins: number, options: FusionOptions): number {
  return Math.max(2, Math.ceil(options.minCoverage * wBins));
}

/**
 * The least evidence, in standard errors of a cue's noise, for one of `tests` comparisons to count: the
 * two-sided normal bar z with P(|Z| > z) = falseAlarmRate / tests, so that under Gaussian noise all of them
 * together pass by chance with probability at most falseAlarmRate (the union bound, whatever their
 * correlation). Never below evidenceFloor. With the defaults: 3.4 for a 7-s voice clip's 15 comparisons,
 * 5.16 for a 20-min session's 40 000, 5.36 for a 60-min session's 122 000.
 */
export function evidenceBar(tests: number, options: FusionOptions): number {
  return Math.max(options.evidenceFloor, twoSidedZ(options.falseAlarmRate / Math.max(1, tests)));
}
