/**
 * Why a client's shift was easy to miss, from what the therapist was doing at the time — computed from
 * the therapist's own tracks, never guessed. docs/markers.md ("Why this was easy to miss") gives the
 * windows and thresholds in words.
 *
 * - therapist-speaking: the therapist held the turn when the change began (±0.5 s): a shift's change point
 *   (changeSec), a brief excursion's start.
 * - therapist-looking-away: the therapist's face was in view for most of the shift and their head or eyes
 *   were turned away from where they usually look (their own median head angles and eye scores) for most
 *   of that time.
 * - no-response: in the 5 s after the change began nothing in the therapist's behaviour changed compared
 *   with the 5 s before: no turn began or ended, their voice kept its pitch and loudness, their face and
 *   head kept their expression and position.
 */
import type { FaceTrack, Marker, MissedEvidence, Series, VoiceTrack } from '../analysis/types.ts';
import { isValue, mean, median, standardDeviation } from '../fusion/robust.ts';
import { lowerBound } from '../maths/lower-bound.ts';
import { markerOnset } from '../analysis/marker-onset.ts';

export const MISSED = {
  /** The turn is taken around the start: this far either side. */
  turnReachSec: 0.5,
  /** Head turned this far from the therapist's usual direction is looking away. */
  awayDeg: 20,
  /**
   * Eyes looking away: both eyes' eyeLook* score (MediaPipe, 0..1) this far above the therapist's own
   * median for it — looking at the screen sits near 0.2, at notes on the lap near 0.7 or more.
   */
  eyesAway: 0.4,
  /** "Most of the shift": this share of the therapist's face samples; a shift is looked at over at least 1 s. */
  share: 0.5,
  minSpanSec: 1,
  /** The windows compared for a response. */
  responseSec: 5,
  /** A turn change counts when the new state lasts this long. */
  turnChangeSec: 0.5,
  /** Changes in the therapist's voice that count as a response. */
  pitchSemitones: 2,
  loudnessDb: 3,
  /** A face cue responds when its 5-s mean moves by this many of its typical 5-s-to-5-s differences. */
  faceSpreads: 1.5,
} as const;

/** The therapist's face features compared before and after: expression, mouth, brows and head position. */
const RESPONSE_FEATURES = ['mouthSmileLeft', 'mouthSmileRight', 'jawOpen', 'browInnerUp', 'browDownLeft', 'browDownRight', 'eyeBlinkLeft', 'eyeBlinkRight'] as const;

export interface TherapistTracks {
  face: FaceTrack | null;
  voice: VoiceTrack | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const sec = (x: number) => `${round2(x)} s`;

/** The observed values at times in [from, to); tracks' times ascend, so the window is found by binary search. */
function valuesIn(t: readonly number[], series: Series, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = lowerBound(t, from); i < t.length && t[i]! < to; i++) {
    const v = series[i];
    if (isValue(v)) out.push(v);
  }
  return out;
}

function speechShare(voice: VoiceTrack | null, from: number, to: number): number | null {
  if (!voice) return null;
  const values = valuesIn(voice.t, voice.speech, from, to);
  return values.length ? mean(values) : null;
}

function therapistSpeaking(marker: Marker, therapist: TherapistTracks, client: VoiceTrack | null): MissedEvidence | null {
  const from = markerOnset(marker) - MISSED.turnReachSec;
  const to = markerOnset(marker) + MISSED.turnReachSec;
  const theirs = speechShare(therapist.voice, from, to);
  const clients = speechShare(client, from, to) ?? 0;
  if (theirs === null || theirs < 0.5 || theirs <= clients) return null;
  return {
    reason: 'therapist-speaking',
    startSec: round2(Math.max(0, from)),
    endSec: round2(to),
    text: `The therapist was speaking when it began (${Math.round(theirs * 100)} % of ${sec(from)}–${sec(to)}).`,
  };
}

/** Medians already found: a therapist's usual head angle or eye score is the same for every marker of a session. */
const usualValues = new WeakMap<Series, number | null>();

/** The series' median over the whole session (null when it has no value or does not exist). */
function usual(series: Series | undefined): number | null {
  if (!series) return null;
  if (!usualValues.has(series)) usualValues.set(series, median(series.filter(isValue)));
  return usualValues.get(series)!;
}

function therapistLookingAway(marker: Marker, face: FaceTrack | null): MissedEvidence | null {
  if (!face) return null;
  const from = marker.startSec;
  const to = Math.max(marker.endSec, marker.startSec + MISSED.minSpanSec);
  const yaw0 = usual(face.headYawDeg);
  const pitch0 = usual(face.headPitchDeg);
  const shape = (name: string, i: number) => face.blendshapes[name]?.[i] ?? null;
  const eyeAway = (name: string, i: number) => (shape(name, i) ?? 0) - (usual(face.blendshapes[name]) ?? 0) >= MISSED.eyesAway;
  let span = 0;
  let seen = 0;
  let away = 0;
  const why = new Set<string>();
  for (let i = lowerBound(face.t, from); i < face.t.length && face.t[i]! < to; i++) {
    span++;
    if (face.presence[i] !== 1) continue;
    seen++;
    const yaw = face.headYawDeg[i];
    const pitch = face.headPitchDeg[i];
    const both = (a: string, b: string) => eyeAway(a, i) && eyeAway(b, i);
    const reasons = [
      isValue(yaw) && yaw0 !== null && Math.abs(yaw - yaw0) >= MISSED.awayDeg ? 'head turned aside' : null,
      isValue(pitch) && pitch0 !== null && Math.abs(pitch - pitch0) >= MISSED.awayDeg ? 'head tilted up or down' : null,
      both('eyeLookDownLeft', 'eyeLookDownRight') ? 'eyes down' : null,
      both('eyeLookOutLeft', 'eyeLookInRight') || both('eyeLookInLeft', 'eyeLookOutRight') ? 'eyes to one side' : null,
    ].filter((r): r is string => r !== null);
    if (reasons.length) {
      away++;
      reasons.forEach((r) => why.add(r));
    }
  }
  if (span === 0 || seen < MISSED.share * span || away < MISSED.share * seen) return null;
  return {
    reason: 'therapist-looking-away',
    startSec: round2(from),
    endSec: round2(to),
    text: `The therapist was looking away for ${Math.round((100 * away) / seen)} % of it (${[...why].join(', ')}).`,
  };
}

/** Times the therapist's speech starts or stops and the new state holds for turnChangeSec. */
function turnChanges(voice: VoiceTrack, from: number, to: number): number[] {
  const changes: number[] = [];
  const hold = MISSED.turnChangeSec;
  for (let i = Math.max(1, lowerBound(voice.t, from)); i < voice.t.length && voice.t[i]! < to; i++) {
    const t = voice.t[i]!;
    if (voice.speech[i] === voice.speech[i - 1]) continue;
    const after = valuesIn(voice.t, voice.speech, t, t + hold);
    if (after.length && after.every((s) => s === voice.speech[i])) changes.push(t);
  }
  return changes;
}

/** Typical change of a series' mean from one window to the next, over the whole session. */
function typicalStep(t: readonly number[], series: Series, windowSec: number): number | null {
  const end = t.at(-1) ?? 0;
  const means: number[] = [];
  for (let from = 0; from + windowSec <= end; from += windowSec) {
    const m = mean(valuesIn(t, series, from, from + windowSec));
    if (m !== null) means.push(m);
  }
  const steps = means.slice(1).map((m, i) => Math.abs(m - means[i]!));
  return steps.length >= 3 ? median(steps) : null;
}

function noResponse(marker: Marker, therapist: TherapistTracks): MissedEvidence | null {
  const { face, voice } = therapist;
  const w = MISSED.responseSec;
  const start = markerOnset(marker);
  const [before, after] = [
    [start - w, start],
    [start, start + w],
  ] as const;
  const faceSeen = face ? valuesIn(face.t, face.presence, after[0], after[1]).filter((p) => p === 1).length : 0;
  const faceSamples = face ? valuesIn(face.t, face.presence, after[0], after[1]).length : 0;
  const faceObserved = face !== null && faceSamples > 0 && faceSeen >= MISSED.share * faceSamples;
  if (!faceObserved && !voice) return null;
  if (start - w < 0) return null;
  if (voice && turnChanges(voice, after[0], after[1]).length > 0) return null;
  if (voice) {
    const semitones = (from: number, to: number) => median(valuesIn(voice.t, voice.f0Hz, from, to).map((f) => 12 * Math.log2(f / 100)));
    const loud = (from: number, to: number) => median(valuesIn(voice.t, voice.loudnessDb, from, to));
    const [p0, p1, l0, l1] = [semitones(...before), semitones(...after), loud(...before), loud(...after)];
    if (p0 !== null && p1 !== null && Math.abs(p1 - p0) >= MISSED.pitchSemitones) return null;
    if (l0 !== null && l1 !== null && Math.abs(l1 - l0) >= MISSED.loudnessDb) return null;
  }
  if (faceObserved) {
    const series: [string, Series][] = [
      ['headYawDeg', face.headYawDeg],
      ['headPitchDeg', face.headPitchDeg],
      ...RESPONSE_FEATURES.flatMap((name): [string, Series][] => (face.blendshapes[name] ? [[name, face.blendshapes[name]!]] : [])),
    ];
    for (const [, s] of series) {
      const m0 = mean(valuesIn(face.t, s, ...before));
      const m1 = mean(valuesIn(face.t, s, ...after));
      const step = typicalStep(face.t, s, w) ?? standardDeviation(s.filter(isValue));
      if (m0 !== null && m1 !== null && step !== null && step > 0 && Math.abs(m1 - m0) >= MISSED.faceSpreads * step) return null;
    }
  }
  const watched = [faceObserved ? 'face and head' : null, voice ? 'voice and turn-taking' : null].filter(Boolean).join(', ');
  return {
    reason: 'no-response',
    startSec: round2(start),
    endSec: round2(start + w),
    text: `In the ${w} s after it began, nothing in the therapist's ${watched} changed compared with the ${w} s before.`,
  };
}

/** The role-based reasons for one client marker, in a fixed order, each with its evidence. */
export function missedBecause(marker: Marker, therapist: TherapistTracks, client: VoiceTrack | null): MissedEvidence[] {
  return [therapistSpeaking(marker, therapist, client), therapistLookingAway(marker, therapist.face), noResponse(marker, therapist)].filter(
    (e): e is MissedEvidence => e !== null,
  );
}
