/**
 * Speech activity from per-frame level, voicing and spectral flatness, run once over the whole session's
 * frame columns (a few bytes a frame; the audio itself is never held).
 *
 * 1. Noise floor: the level is smoothed over `floorSmoothingSec` (so one dropout frame cannot drag the
 *    floor down), then the floor at each frame is the minimum of that over a centred `floorWindowSec`
 *    window, never below `lowestFloorDb`. It follows the room and gain changes and needs only one real
 *    pause per window.
 * 2. Active frames are `activeAboveFloorDb` over the floor, except unvoiced frames flatter than
 *    `noiseFlatness` (white-noise-like hiss or rustle is not taken as speech on level alone).
 * 3. Regions: active runs with gaps shorter than the hangover bridged.
 * 4. Voicing anchors speech: voiced frames count only in runs of `minVoicedRunSec`; a region's speech is
 *    what lies within `unvoicedReachSec` of that voicing (consonants, word-final decay), grown over
 *    adjacent unvoiced sound within `loudUnvoicedWithinDb` of the voiced level (breathy vowels, strong
 *    fricatives), and split where voicing is missing for long; parts need `minVoicedSec` of voicing, so
 *    clicks, breaths and noise bursts on their own are not speech.
 * 5. Hangover: speech is held through silences shorter than `hangoverSec` (stop closures, short gaps
 *    between words), so every pause between segments is at least that long.
 */
import type { SpeechSegment } from '../analysis/types.ts';

export interface SpeechActivitySettings {
  hopSec: number;
  /** The floor is never taken below this: digital silence says nothing about the room's noise. */
  lowestFloorDb: number;
  floorSmoothingSec: number;
  floorWindowSec: number;
  activeAboveFloorDb: number;
  /** Unvoiced frames flatter than this are treated as noise. */
  noiseFlatness: number;
  minVoicedSec: number;
  /** Voiced frames count only in runs at least this long. */
  minVoicedRunSec: number;
  /** Active unvoiced frames at most this far below the median voiced level beside them are speech. */
  loudUnvoicedWithinDb: number;
  /** Speech reaches this far from the nearest voiced frame through quieter active unvoiced frames. */
  unvoicedReachSec: number;
  hangoverSec: number;
}

export const DEFAULT_SPEECH_ACTIVITY: Omit<SpeechActivitySettings, 'hopSec' | 'lowestFloorDb'> = {
  floorSmoothingSec: 0.1,
  // Long enough to hold a pause in any conversation, short enough to follow a change of room or gain.
  floorWindowSec: 20,
  // Within this of the floor is the noise's own fluctuation (and the minimum's bias below its mean).
  activeAboveFloorDb: 9,
  // White noise reads 0.78–0.90 on the 256-point spectrum used; most consonants read below.
  noiseFlatness: 0.75,
  minVoicedSec: 0.05,
  minVoicedRunSec: 0.03,
  loudUnvoicedWithinDb: 20,
  // About the longest consonant cluster before or after a vowel.
  unvoicedReachSec: 0.15,
  // Silences shorter than about 200 ms are articulation, not pauses.
  hangoverSec: 0.2,
};

export interface FrameEvidence {
  levelDb: Float32Array;
  /** Non-NaN where the frame is voiced. */
  f0Hz: Float32Array;
  /** Spectral flatness; NaN where it was not needed (silent and voiced frames). */
  flatness: Float32Array;
}

/** Half-open runs of frame indices [start, end). */
export interface FrameRun {
  start: number;
  end: number;
}

/** The floor under each frame's level, in dB. */
export function noiseFloorDb(levelDb: Float32Array, settings: SpeechActivitySettings): Float32Array {
  const n = levelDb.length;
  const smoothReach = Math.max(0, Math.round(settings.floorSmoothingSec / settings.hopSec / 2));
  const floorReach = Math.max(1, Math.round(settings.floorWindowSec / settings.hopSec / 2));
  const cumulativePower = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cumulativePower[i + 1] = (cumulativePower[i] as number) + 10 ** ((levelDb[i] as number) / 10);
  const smoothed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const from = Math.max(0, i - smoothReach);
    const to = Math.min(n, i + smoothReach + 1);
    smoothed[i] = 10 * Math.log10(((cumulativePower[to] as number) - (cumulativePower[from] as number)) / (to - from));
  }
  const floor = slidingMinimum(smoothed, floorReach);
  for (let i = 0; i < n; i++) floor[i] = Math.max(floor[i] as number, settings.lowestFloorDb);
  return floor;
}

/** min(values[i − reach … i + reach]) for every i, in O(n) with a monotonic queue of indices. */
function slidingMinimum(values: Float64Array, reach: number): Float32Array {
  const n = values.length;
  const out = new Float32Array(n);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let added = 0;
  for (let i = 0; i < n; i++) {
    const last = Math.min(n - 1, i + reach);
    for (; added <= last; added++) {
      while (tail > head && (values[queue[tail - 1] as number] as number) >= (values[added] as number)) tail--;
      queue[tail++] = added;
    }
    while ((queue[head] as number) < i - reach) head++;
    out[i] = values[queue[head] as number] as number;
  }
  return out;
}

export function detectSpeechRuns(evidence: FrameEvidence, settings: SpeechActivitySettings): FrameRun[] {
  const { levelDb, f0Hz, flatness } = evidence;
  const n = levelDb.length;
  const floor = noiseFloorDb(levelDb, settings);
  const active = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (!((levelDb[i] as number) > (floor[i] as number) + settings.activeAboveFloorDb)) continue;
    const voiced = !Number.isNaN(f0Hz[i] as number);
    if (voiced || !((flatness[i] as number) > settings.noiseFlatness)) active[i] = 1;
  }
  const reach = Math.round(settings.unvoicedReachSec / settings.hopSec);
  const minVoiced = Math.max(1, Math.round(settings.minVoicedSec / settings.hopSec));
  const hangover = Math.round(settings.hangoverSec / settings.hopSec);
  const activeRuns: FrameRun[] = [];
  for (let i = 0; i < n; ) {
    if (active[i] === 0) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && active[i] === 1) i++;
    activeRuns.push({ start, end: i });
  }
  const voicing = sustainedVoicing(f0Hz, active, Math.max(1, Math.round(settings.minVoicedRunSec / settings.hopSec)));
  const loudEnough = (part: FrameRun): number => medianLevel(levelDb, voicing, part) - settings.loudUnvoicedWithinDb;
  const parts = bridge(activeRuns, hangover).flatMap((region) =>
    aroundVoicing(voicing, region, reach, minVoiced).map((part) => extendOverLoudSound(part, region, levelDb, active, loudEnough(part))),
  );
  return bridge(parts, hangover);
}

/**
 * 1 for active voiced frames in a run of at least `minRun` of them: a lone voiced frame in a breath or
 * a rustle is a chance periodicity, a voice keeps its pulses going for tens of milliseconds.
 */
function sustainedVoicing(f0Hz: Float32Array, active: Uint8Array, minRun: number): Uint8Array {
  const n = active.length;
  const out = new Uint8Array(n);
  const voiced = (k: number): boolean => active[k] === 1 && !Number.isNaN(f0Hz[k] as number);
  for (let i = 0; i < n; ) {
    if (!voiced(i)) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && voiced(i)) i++;
    if (i - start >= minRun) out.fill(1, start, i);
  }
  return out;
}

/** Median level of the voiced frames of a run. */
function medianLevel(levelDb: Float32Array, voicing: Uint8Array, run: FrameRun): number {
  const levels: number[] = [];
  for (let i = run.start; i < run.end; i++) if (voicing[i] === 1) levels.push(levelDb[i] as number);
  levels.sort((a, b) => a - b);
  return levels[levels.length >> 1] ?? Number.POSITIVE_INFINITY;
}

/**
 * Grows a part over the active frames next to it (within its region) that are at least `thresholdDb`:
 * unvoiced sound nearly as loud as the voice beside it is a breathy vowel or a strong fricative, not a
 * breath or a reverberant tail, however far it is from the voicing.
 */
function extendOverLoudSound(part: FrameRun, region: FrameRun, levelDb: Float32Array, active: Uint8Array, thresholdDb: number): FrameRun {
  const loud = (i: number): boolean => active[i] === 1 && (levelDb[i] as number) >= thresholdDb;
  let { start, end } = part;
  while (start > region.start && loud(start - 1)) start--;
  while (end < region.end && loud(end)) end++;
  return { start, end };
}

/** Runs with the gaps shorter than `hangover` frames filled in. */
function bridge(runs: FrameRun[], hangover: number): FrameRun[] {
  const merged: FrameRun[] = [];
  for (const run of runs) {
    const previous = merged[merged.length - 1];
    if (previous && run.start - previous.end < hangover) previous.end = run.end;
    else merged.push({ ...run });
  }
  return merged;
}

/**
 * The parts of one region that lie within `reach` frames of a voiced frame, split where voicing is
 * absent for longer than 2·reach, keeping only parts with at least `minVoiced` voiced frames.
 */
function aroundVoicing(voicing: Uint8Array, region: FrameRun, reach: number, minVoiced: number): FrameRun[] {
  const parts: FrameRun[] = [];
  let first = -1;
  let last = -1;
  let voiced = 0;
  const close = (): void => {
    if (voiced >= minVoiced) parts.push({ start: Math.max(region.start, first - reach), end: Math.min(region.end, last + reach + 1) });
  };
  for (let i = region.start; i < region.end; i++) {
    if (voicing[i] === 0) continue;
    if (first >= 0 && i - last > 2 * reach + 1) {
      close();
      first = -1;
      voiced = 0;
    }
    if (first < 0) first = i;
    last = i;
    voiced++;
  }
  if (first >= 0) close();
  return parts;
}

/** The speech column (1/0 per frame) for the runs. */
export function speechColumn(runs: FrameRun[], frameCount: number): Uint8Array {
  const speech = new Uint8Array(frameCount);
  for (const run of runs) speech.fill(1, run.start, run.end);
  return speech;
}

/**
 * Runs as media-time segments. Frame i is centred on t0 + i·hop and stands for the hop around it, so a
 * run [start, end) covers t0 + (start − ½)·hop … t0 + (end − ½)·hop, clamped to the media.
 */
export function speechSegments(runs: FrameRun[], t0: number, hopSec: number, durationSec: number): SpeechSegment[] {
  const clamp = (t: number): number => Math.min(t0 + durationSec, Math.max(t0, t));
  return runs.map((run) => ({
    startSec: roundMicro(clamp(t0 + (run.start - 0.5) * hopSec)),
    endSec: roundMicro(clamp(t0 + (run.end - 0.5) * hopSec)),
  }));
}

/** Media times rounded to the microsecond, so that t0 + i·hop does not print as 0.30000000000000004. */
export function roundMicro(t: number): number {
  return Math.round(t * 1e6) / 1e6;
}
