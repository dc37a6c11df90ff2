/**
 * Synthetic face and voice tracks with known answers for the fusion tests, and a check of every marker
 * against the rules analysis.json's contract holds. Seeded, so every run sees the same numbers.
 */
import assert from 'node:assert/strict';
import type { FaceTrack, Marker, Series, VoiceTrack } from '../../lib/analysis/types.ts';
import { BLENDSHAPE_NAMES } from '../../lib/vision/blendshapes.ts';
import { seededRandom } from '../../lib/maths/seeded-random.ts';
import { gaussian } from './random.ts';


const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

export interface FaceSpec {
  personId?: string;
  durationSec: number;
  seed: number;
  fps?: number;
  /** Blendshape level as a function of time; every other blendshape sits at 0.05. */
  levels?: Record<string, (t: number) => number>;
  /** Per-frame noise of every blendshape (SD, 0..1 units). */
  noise?: number;
  /** Frames with no face. */
  absent?: (t: number) => boolean;
}

/** A face track at `fps` with every blendshape and head angle noisy around a level. */
export function faceTrack(spec: FaceSpec): FaceTrack {
  const random = seededRandom(spec.seed);
  const fps = spec.fps ?? 5;
  const noise = spec.noise ?? 0.02;
  const t = Array.from({ length: Math.floor(spec.durationSec * fps) }, (_, i) => i / fps);
  const present = t.map((ti) => !(spec.absent?.(ti) ?? false));
  const series = (value: (ti: number) => number): Series => t.map((ti, i) => (present[i] ? value(ti) : null));
  const blendshapes: Record<string, Series> = {};
  for (const name of BLENDSHAPE_NAMES) {
    const level = spec.levels?.[name] ?? (() => 0.05);
    blendshapes[name] = series((ti) => clamp01(level(ti) + noise * gaussian(random)));
  }
  return {
    personId: spec.personId ?? 'p1',
    t,
    headYawDeg: series(() => 2 * gaussian(random)),
    headPitchDeg: series(() => -5 + 2 * gaussian(random)),
    headRollDeg: series(() => gaussian(random)),
    blendshapes,
    presence: present.map((p) => (p ? 1 : 0)),
  };
}

export interface VoiceSpec {
  personId?: string | null;
  durationSec: number;
  seed: number;
  /** 1 while someone speaks. */
  speech: (t: number) => 0 | 1;
  /** Centre F0 while speaking, Hz. */
  f0Hz: (t: number) => number;
  /** Centre loudness while speaking, dBFS; silence sits at −60 dBFS. */
  loudnessDb: (t: number) => number;
}

/**
 * A 10 ms voice track. Speech has syllable-like structure: loudness swings ±6 dB at 4 Hz plus 2 dB of
 * noise, intonation swings ±2 semitones at 1.5 Hz plus 0.5 semitone of noise, and 30 % of speech frames
 * are unvoiced (f0 null).
 */
export function voiceTrack(spec: VoiceSpec): VoiceTrack {
  const random = seededRandom(spec.seed);
  const t = Array.from({ length: Math.floor(spec.durationSec * 100) }, (_, i) => i / 100);
  const speech = t.map((ti) => spec.speech(ti));
  const loudnessDb = t.map((ti, i) =>
    speech[i] === 1 ? spec.loudnessDb(ti) + 6 * Math.sin(2 * Math.PI * 4 * ti) + 2 * gaussian(random) : -60 + gaussian(random),
  );
  const f0Hz = t.map((ti, i) => {
    const voiced = speech[i] === 1 && random() > 0.3;
    const semitones = 2 * Math.sin(2 * Math.PI * 1.5 * ti) + 0.5 * gaussian(random);
    return voiced ? spec.f0Hz(ti) * 2 ** (semitones / 12) : null;
  });
  return { personId: spec.personId ?? null, t, f0Hz, loudnessDb, speech };
}

/** Talk in turns of 2–6 s with pauses of 0.3–2 s, seeded: a renewal process with no change in it. */
export function turnTaking(durationSec: number, seed: number): (t: number) => 0 | 1 {
  const random = seededRandom(seed);
  const starts: [number, number][] = [];
  for (let at = random() * 2; at < durationSec; ) {
    const talk = 2 + 4 * random();
    starts.push([at, at + talk]);
    at += talk + 0.3 + 1.7 * random();
  }
  return (t) => (starts.some(([a, b]) => t >= a && t < b) ? 1 : 0);
}

/** Words that name an emotion or a mental state: summaries must describe behaviour only. */
const EMOTION_WORDS = /\b(sad|happy|angry|anger|fear|afraid|anxious|disgust|surprise|joy|upset|distress|contempt|emotion)/i;

/** Asserts the contract's rules for markers (analysis-format.md) plus fusion's own promises. */
export function assertContract(markers: readonly Marker[], input: { face: FaceTrack[]; voice: VoiceTrack[]; durationSec: number }): void {
  const features = new Set<string>(['f0Hz', 'loudnessDb', 'speech', 'headYawDeg', 'headPitchDeg', 'headRollDeg']);
  for (const track of input.face) Object.keys(track.blendshapes).forEach((name) => features.add(name));
  const people = new Set<string | null>([...input.face.map((f) => f.personId), ...input.voice.map((v) => v.personId)]);
  markers.forEach((m, i) => {
    assert.equal(m.id, `m${i + 1}`);
    if (i > 0) assert.ok(markers[i - 1]!.startSec <= m.startSec, 'markers sorted by startSec');
    assert.ok(m.startSec >= 0 && m.startSec <= m.endSec && m.endSec <= input.durationSec, `bounds of ${m.id}`);
    assert.ok(people.has(m.personId), `personId ${m.personId} belongs to a track`);
    assert.ok(m.modality.length >= 1 && m.modality.every((x) => x === 'face' || x === 'voice'));
    assert.ok(m.score >= 0 && m.score <= 1, `score ${m.score} in 0..1`);
    assert.ok(m.summary.length > 0 && !EMOTION_WORDS.test(m.summary), `summary "${m.summary}" names behaviour only`);
    assert.ok(m.cues.length >= 1, 'at least one cue');
    for (const cue of m.cues) {
      assert.ok(features.has(cue.feature), `feature ${cue.feature} exists in a track`);
      for (const v of [cue.before, cue.after, cue.z]) assert.ok(v === null || Number.isFinite(v), `finite cue values in ${m.id}`);
    }
  });
}
