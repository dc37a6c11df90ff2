/**
 * Voice cues from the voice track (10 ms frames) on the common grid. Pitch is measured in semitones from
 * the track's own median F0, so a deep and a high voice are compared on the same footing.
 */
import type { Series, VoiceTrack } from '../analysis/types.ts';
import type { CueInfo, CueStream } from './cue-types.ts';
import { binSeries, type Grid } from './grid.ts';
import { isValue, mean, median, standardDeviation } from './robust.ts';

/** A bin's pitch or loudness needs this many frames (50 ms) so one stray frame cannot set it. */
const MIN_FRAMES_LEVEL = 5;
/** A bin's pitch variation needs 100 ms of voicing to be a spread at all. */
const MIN_FRAMES_SPREAD = 10;

function atLeast(minCount: number, aggregate: (values: number[]) => number | null) {
  return (values: number[]) => (values.length >= minCount ? aggregate(values) : null);
}

function info(name: string, feature: string, measure: CueInfo['measure'], scaleFloor: number, brief: boolean, rises: string, falls: string): CueInfo {
  return { name, modality: 'voice', features: [feature], measure, scaleFloor, brief, rises, falls };
}

/** Least spreads: half a semitone of pitch, a quarter semitone of variation, 1 dB, a quarter of the time. */
export const VOICE_CUES = {
  pitch: info('pitch', 'f0Hz', 'level', 0.5, true, 'pitch higher', 'pitch lower'),
  loudness: info('loudness', 'loudnessDb', 'level', 1, true, 'voice louder', 'voice quieter'),
  // Within-bin spread and speech share are ragged bin to bin; only lasting changes in them count.
  pitchVariation: info('pitchVariation', 'f0Hz', 'spread', 0.25, false, 'pitch more varied', 'pitch flatter'),
  speechShare: info('speechShare', 'speech', 'share', 0.25, false, 'more speech, fewer pauses', 'less speech, more pauses'),
} as const;

function f0At(track: VoiceTrack, i: number): number | null {
  const f0 = track.f0Hz[i];
  return isValue(f0) && f0 > 0 ? f0 : null;
}

/** Every voice cue of one voice track on the grid. */
export function voiceCueStreams(track: VoiceTrack, grid: Grid): CueStream[] {
  const voiced = track.f0Hz.map((_, i) => f0At(track, i)).filter(isValue);
  const referenceHz = median(voiced);
  const semitonesAt = (i: number) => {
    const f0 = f0At(track, i);
    return f0 === null || referenceHz === null ? null : 12 * Math.log2(f0 / referenceHz);
  };
  const loudnessAt = (i: number) => (track.speech[i] === 1 ? (track.loudnessDb[i] ?? null) : null);
  const speechAt = (i: number) => (track.speech[i] === 0 || track.speech[i] === 1 ? track.speech[i]! : null);

  const level = atLeast(MIN_FRAMES_LEVEL, median);
  const spread = atLeast(MIN_FRAMES_SPREAD, standardDeviation);
  const f0Level = binSeries(grid, track.t, (i) => f0At(track, i), level);
  const loudness = binSeries(grid, track.t, loudnessAt, level);
  const share = binSeries(grid, track.t, speechAt, mean);
  const single = (name: string, series: Series) => new Map([[name, series]]);

  return [
    { info: VOICE_CUES.pitch, values: binSeries(grid, track.t, semitonesAt, level), features: single('f0Hz', f0Level) },
    { info: VOICE_CUES.loudness, values: loudness, features: single('loudnessDb', loudness) },
    {
      info: VOICE_CUES.pitchVariation,
      values: binSeries(grid, track.t, semitonesAt, spread),
      features: single('f0Hz', binSeries(grid, track.t, (i) => f0At(track, i), spread)),
    },
    { info: VOICE_CUES.speechShare, values: share, features: single('speech', share) },
  ];
}
