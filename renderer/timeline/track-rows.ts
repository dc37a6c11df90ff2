/**
 * The timeline's rows for one person, each with its min/max pyramid and y range computed once
 * when a session opens — never per frame.
 */
import type { Analysis } from '../../lib/analysis/types.ts';
import { faceSignals } from './face-signals.ts';
import { buildPyramid, valueRange, type SeriesPyramid } from './series-pyramid.ts';
import type { DerivedSignal } from './signal.ts';
import { voiceSignals } from './voice-signals.ts';

export interface TrackRow {
  readonly group: 'face' | 'voice';
  readonly signal: DerivedSignal;
  readonly pyramid: SeriesPyramid;
  /** The y range drawn; null when the signal is absent throughout (nothing to draw). */
  readonly range: [number, number] | null;
}

function row(group: TrackRow['group'], signal: DerivedSignal): TrackRow {
  return { group, signal, pyramid: buildPyramid(signal.t, signal.values), range: signal.range ?? valueRange(signal.values) };
}

/**
 * Face rows for `personId` (if their face was tracked) and voice rows for their voice — or for the
 * recording's unattributed voice track while speakers are not told apart.
 */
export function trackRows(analysis: Analysis, personId: string | null): TrackRow[] {
  const face = analysis.tracks.face.find((t) => t.personId === personId);
  const voice = analysis.tracks.voice.find((t) => t.personId === personId) ?? analysis.tracks.voice.find((t) => t.personId === null);
  return [
    ...(face ? faceSignals(face).map((s) => row('face', s)) : []),
    ...(voice ? voiceSignals(voice).map((s) => row('voice', s)) : []),
  ];
}
