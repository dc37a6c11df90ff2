/**
 * The timeline's rows for one person, each with its min/max pyramid and y range computed once
 * when a session opens — never per frame.
 */
import type { Analysis } from '../../lib/analysis/types.ts';
import { bodySignals, pictureMovementSignal } from '../../lib/signals/body-signals.ts';
import { faceSignals } from '../../lib/signals/face-signals.ts';
import { interactionSignals } from '../../lib/signals/interaction-signals.ts';
import { buildPyramid, valueRange, type SeriesPyramid } from './series-pyramid.ts';
import type { DerivedSignal } from '../../lib/signals/signal.ts';
import { turnSignal, voiceSignals } from '../../lib/signals/voice-signals.ts';
import { personWords } from '../../lib/analysis/marker-words.ts';

export interface TrackRow {
  readonly group: 'face' | 'body' | 'voice' | 'interaction';
  readonly signal: DerivedSignal;
  readonly pyramid: SeriesPyramid;
  /** The y range drawn; null when the signal is absent throughout (nothing to draw). */
  readonly range: [number, number] | null;
}

/**
 * A 0..1 score is drawn over this person's own range rather than the full scale, where a smile that
 * moves between 0.05 and 0.2 would look flat — but never narrower than a tenth of the scale, so a
 * face that barely moves does not have its tracking noise blown up into waves.
 */
const MIN_SCORE_SPAN = 0.1;

function scoreRange(values: DerivedSignal['values'], [lo, hi]: [number, number]): [number, number] | null {
  const own = valueRange(values);
  if (!own) return null;
  const mid = (own[0] + own[1]) / 2;
  const half = Math.max(own[1] - own[0], MIN_SCORE_SPAN) / 2;
  const from = Math.max(lo, Math.min(mid - half, hi - 2 * half));
  return [from, Math.min(hi, from + 2 * half)];
}

/** A signal in physical units over this person's own range; a constant one gets one unit either side. */
function unitRange(values: DerivedSignal['values']): [number, number] | null {
  const own = valueRange(values);
  return own && own[1] === own[0] ? [own[0] - 1, own[1] + 1] : own;
}

function row(group: TrackRow['group'], signal: DerivedSignal): TrackRow {
  const range = signal.draw === 'band' ? signal.range : signal.range ? scoreRange(signal.values, signal.range) : unitRange(signal.values);
  return { group, signal, pyramid: buildPyramid(signal.t, signal.values), range };
}

/** How a turn lane names its speaker: the same words as everywhere else. */
function speakerWords(analysis: Analysis, id: string): string {
  const index = analysis.people.findIndex((p) => p.id === id);
  return personWords(analysis.people[index], index + 1);
}

/**
 * Face rows for `personId` (if their face was tracked), body rows (if the analysis has their body track) and voice rows for their voice — or for the
 * recording's unattributed voice track while speakers are not told apart — then a turn lane for each
 * other speaker, then the rows of the pair they are part of (synchrony). Older analyses have neither.
 */
export function trackRows(analysis: Analysis, personId: string | null): TrackRow[] {
  const face = analysis.tracks.face.find((t) => t.personId === personId);
  const body = analysis.tracks.body?.find((t) => t.personId === personId);
  const voice = analysis.tracks.voice.find((t) => t.personId === personId) ?? analysis.tracks.voice.find((t) => t.personId === null);
  const picture = face ? pictureMovementSignal(face) : null;
  return [
    ...(face ? faceSignals(face).map((s) => row('face', s)) : []),
    ...(body ? bodySignals(body).map((s) => row('body', s)) : []),
    ...(picture ? [row('body', picture)] : []),
    ...(voice ? voiceSignals(voice).map((s) => row('voice', s)) : []),
    ...analysis.tracks.voice
      .filter((other) => other !== voice && other.personId !== null)
      .map((other) => row('voice', turnSignal(other, speakerWords(analysis, other.personId!)))),
    ...(analysis.tracks.interaction ?? [])
      .filter((track) => personId === null || track.personIds.includes(personId))
      .flatMap((track) => interactionSignals(track).map((s) => row('interaction', s))),
  ];
}
