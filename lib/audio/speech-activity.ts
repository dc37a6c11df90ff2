/**
 * Speech activity from per-frame level and voicing, run once over the whole session's frame columns
 * (a few bytes a frame, so it is not the audio that is held).
 *
 * 1. Noise floor: the level is smoothed over `floorSmoothingSec` (so one dropout frame cannot drag the
 *    floor down), then the floor at each frame is the minimum of that over a centred `floorWindowSec`
 *    window. It adapts to the room and to gain changes, and needs only one real pause per window.
 * 2. A frame is active when its level is `activeAboveFloorDb` over the floor and it does not look like
 *    broadband noise: a frame that is unvoiced and spectrally flat (hiss, rustle, a fan burst) is not
 *    taken as speech on level alone.
 * 3. Runs of active frames become speech only if they hold at least `minVoicedSec` of voiced frames:
 *    speech is carried by voicing, clicks and noise bursts are not.
 * 4. Hangover: speech is held through silences shorter than `hangoverSec` (stop closures, short gaps
 *    between words), so every pause reported between segments is at least that long.
 */
import type { SpeechSegment } from '../analysis/types.ts';

export interface SpeechActivitySettings {
  hopSec: number;
  floorSmoothingSec: number;
  floorWindowSec: number;
  activeAboveFloorDb: number;
  /** Unvoiced frames flatter than this are treated as noise. */
  noiseFlatness: number;
  minVoicedSec: number;
  hangoverSec: number;
}

export const DEFAULT_SPEECH_ACTIVITY: Omit<SpeechActivitySettings, 'hopSec'> = {
  floorSmoothingSec: 0.1,
  floorWindowSec: 20,
  activeAboveFloorDb: 9,
  noiseFlatness: 0.5,
  minVoicedSec: 0.05,
  hangoverSec: 0.2,
};

export interface FrameEvidence {
  levelDb: Float32Array;
  /** Non-NaN where the frame is voiced. */
  f0Hz: Float32Array;
  /** Spectral flatness; NaN where it was not computed (silent frames). */
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
  return slidingMinimum(smoothed, floorReach);
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
  const isActive = (i: number): boolean => {
    if (!((levelDb[i] as number) > (floor[i] as number) + settings.activeAboveFloorDb)) return false;
    const voiced = !Number.isNaN(f0Hz[i] as number);
    return voiced || !((flatness[i] as number) > settings.noiseFlatness);
  };
  const minVoiced = Math.max(1, Math.round(settings.minVoicedSec / settings.hopSec));
  const qualified: FrameRun[] = [];
  let i = 0;
  while (i < n) {
    if (!isActive(i)) {
      i++;
      continue;
    }
    const start = i;
    let voiced = 0;
    for (; i < n && isActive(i); i++) if (!Number.isNaN(f0Hz[i] as number)) voiced++;
    if (voiced >= minVoiced) qualified.push({ start, end: i });
  }
  const hangover = Math.round(settings.hangoverSec / settings.hopSec);
  const merged: FrameRun[] = [];
  for (const run of qualified) {
    const previous = merged[merged.length - 1];
    if (previous && run.start - previous.end < hangover) previous.end = run.end;
    else merged.push({ ...run });
  }
  return merged;
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
