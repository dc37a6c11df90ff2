/**
 * Voice cues from the voice track (10 ms frames) on the common grid. Pitch is measured in semitones from
 * the track's own median F0, so a deep and a high voice are compared on the same footing.
 */
import type { Series, VoiceTrack } from '../analysis/types.ts';
import type { CueInfo, CueStream } from './cue-types.ts';
import { binSeries, type Grid } from './grid.ts';
import { isValue, mean, median, standardDeviation } from './robust.ts';

/**
 * A bin's pitch or pitch variation needs 200 ms of voiced frames, about one syllable, so one syllable's
 * peak or trough at the edge of a turn cannot stand for the voice.
 */
const MIN_VOICED_SEC = 0.2;
/**
 * Loudness counts only in bins that are speech for at least 80 % of their frames: the rise and fall at
 * the edges of every turn are not the voice getting louder or quieter.
 */
const MIN_SPEECH_SHARE_FOR_LOUDNESS = 0.8;

function info(name: string, feature: string, measure: CueInfo['measure'], scaleFloor: number, brief: boolean, rises: string, falls: string): CueInfo {
  return { name, modality: 'voice', features: [feature], measure, scaleFloor, brief, rises, falls };
}

/**
 * Least spreads: half a semitone of pitch, a quarter semitone of variation, 1 dB, half of the time for
 * speech share (a half-second bin is all speech or all pause at every turn, so only a change of about
 * half the time spent talking is a shift in it).
 */
export const VOICE_CUES = {
  pitch: info('pitch', 'f0Hz', 'level', 1, true, 'pitch higher', 'pitch lower'),
  loudness: info('loudness', 'loudnessDb', 'level', 2, true, 'voice louder', 'voice quieter'),
  // Within-bin spread and speech share are ragged bin to bin; only lasting changes in them count.
  pitchVariation: info('pitchVariation', 'f0Hz', 'spread', 0.25, false, 'pitch more varied', 'pitch flatter'),
  speechShare: info('speechShare', 'speech', 'share', 0.5, false, 'more speech, fewer pauses', 'less speech, more pauses'),
} as const;

function f0At(track: VoiceTrack, i: number): number | null {
  const f0 = track.f0Hz[i];
  return isValue(f0) && f0 > 0 ? f0 : null;
}

/** Seconds between frames, from the track's own times (10 ms by the contract). */
function frameSec(track: VoiceTrack): number {
  const n = track.t.length;
  const step = n > 1 ? (track.t[n - 1]! - track.t[0]!) / (n - 1) : 0;
  return step > 0 ? step : 0.01;
}

/** Every voice cue of one voice track on the grid. */
export function voiceCueStreams(track: VoiceTrack, grid: Grid): CueStream[] {
  const referenceHz = median(track.f0Hz.map((_, i) => f0At(track, i)).filter(isValue));
  const semitonesAt = (i: number) => {
    const f0 = f0At(track, i);
    return f0 === null || referenceHz === null ? null : 12 * Math.log2(f0 / referenceHz);
  };
  const loudnessAt = (i: number) => (track.speech[i] === 1 ? (track.loudnessDb[i] ?? null) : null);
  const speechAt = (i: number) => (track.speech[i] === 0 || track.speech[i] === 1 ? track.speech[i]! : null);

  const minVoiced = Math.max(1, Math.round(MIN_VOICED_SEC / frameSec(track)));
  const voicedLevel = (values: number[]) => (values.length >= minVoiced ? median(values) : null);
  const voicedSpread = (values: number[]) => (values.length >= minVoiced ? standardDeviation(values) : null);
  const share = binSeries(grid, track.t, speechAt, mean);
  const loudness = binSeries(grid, track.t, loudnessAt, median).map((v, k) =>
    (share[k] ?? 0) >= MIN_SPEECH_SHARE_FOR_LOUDNESS ? v : null,
  );
  const single = (name: string, series: Series) => new Map([[name, series]]);

  return [
    {
      info: VOICE_CUES.pitch,
      values: binSeries(grid, track.t, semitonesAt, voicedLevel),
      features: single('f0Hz', binSeries(grid, track.t, (i) => f0At(track, i), voicedLevel)),
    },
    { info: VOICE_CUES.loudness, values: loudness, features: single('loudnessDb', loudness) },
    {
      info: VOICE_CUES.pitchVariation,
      values: binSeries(grid, track.t, semitonesAt, voicedSpread),
      features: single('f0Hz', binSeries(grid, track.t, (i) => f0At(track, i), voicedSpread)),
    },
    { info: VOICE_CUES.speechShare, values: share, features: single('speech', share) },
  ];
}
