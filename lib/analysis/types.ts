/**
 * The shapes of `analysis.json` (the public contract in ../shared/docs/analysis-format.md)
 * and of the in-memory stage results that build it. Shared by the CLI, the app's main
 * process, the renderer and the tests.
 */

/** A value per time point; null where the signal is absent (no face, unvoiced) — never a made-up 0. */
export type Series = (number | null)[];

export type Role = 'client' | 'therapist' | 'unknown';
export type Modality = 'face' | 'body' | 'voice' | 'interaction';

export interface SourceInfo {
  /** Base name only, never a full path. */
  file: string;
  sha256: string;
  durationSec: number;
  video: { width: number; height: number; fps: number } | null;
  audio: { sampleRate: number; channels: number } | null;
}

export interface FaceTrack {
  personId: string;
  t: number[];
  headYawDeg: Series;
  headPitchDeg: Series;
  headRollDeg: Series;
  /** All 52 MediaPipe blendshape categories, by name. */
  blendshapes: Record<string, Series>;
  /** Extension: 1 when this person's face was found at t, 0 when not. */
  presence: number[];
  /**
   * Extension: movement in the person's upper-body region of the picture since the previous analysed
   * frame (Motion Energy Analysis, lib/body/region-motion.ts): the share of it that changed, 0–1. Carried
   * on the face track because it is measured at every analysed frame, in the region found from the face.
   */
  regionMotion?: Series;
}

export interface VoiceTrack {
  personId: string | null;
  t: number[];
  f0Hz: Series;
  loudnessDb: Series;
  /** Extension: 1 while speech is detected at t, 0 during silence. */
  speech: number[];
}

/**
 * Extension: one person's body, at the same times as their face track (lib/body/). Keypoints are
 * MoveNet's upper body (nose to hips), x and y as fractions of the frame's width and height, with the
 * model's confidence; the cues are defined in docs/markers.md, "Body". null where the body (or the
 * points a cue needs) was not seen.
 */
export interface BodyTrack {
  personId: string;
  t: number[];
  /** 1 when this person's body was found at t (with their face), 0 when not. */
  presence: number[];
  keypoints: Record<string, { x: Series; y: Series; score: Series }>;
  /** Upper-body speed, face-heights per second. */
  motionEnergy: Series;
  /** Shoulder line's angle from level, degrees; positive when the person's left shoulder is lower. */
  shoulderTiltDeg: Series;
  /** Nose above the shoulder line, face-heights; smaller when the shoulders rise or the head drops. */
  noseAboveShoulders: Series;
  /** Apparent shoulder width, face-heights; smaller when the torso turns away or the shoulders draw in. */
  shoulderWidth: Series;
  /** 1 while a hand is at the face, neck or other upper arm, 0 while hands are seen elsewhere. */
  selfTouch: Series;
  /** Small repetitive hand movement: hand travel within a small range, face-heights per second. */
  fidgeting: Series;
}

/** Extension: speech segments (turns) and the pauses between them, in media seconds. */
export interface SpeechSegment {
  startSec: number;
  endSec: number;
}

/**
 * Extension: nonverbal synchrony of two people, per window (docs/markers.md, "Synchrony"). `synchronyZ`
 * is the window's largest |Fisher z| of their lagged movement correlation; `aboveChance` is 1 where it
 * exceeds `chanceZ`, the 95th percentile of segment-shuffled surrogates.
 */
export interface InteractionTrack {
  kind: 'head-movement-synchrony' | 'body-movement-synchrony';
  personIds: [string, string];
  /** Window centres, media seconds. */
  t: number[];
  synchronyZ: Series;
  /** Lag of the peak: positive when the second person follows the first. */
  lagSec: Series;
  aboveChance: number[];
  chanceZ: number;
  surrogateMeanZ: number;
  settings: { windowSec: number; stepSec: number; maxLagSec: number; surrogates: number };
}

export interface Cue {
  feature: string;
  before: number | null;
  after: number | null;
  z: number | null;
  /** Extension: what before/after measure — the level of the feature, its speed, spread or share of time. */
  measure?: 'level' | 'speed' | 'spread' | 'share';
}

export interface Marker {
  id: string;
  startSec: number;
  endSec: number;
  personId: string | null;
  modality: Modality[];
  kind: string;
  score: number;
  summary: string;
  cues: Cue[];
  missedBecause?: string[];
  /**
   * Extension, shifts only: when the change happened — the bin edge where the before and after windows
   * meet (the peak of the change score). startSec–endSec is the wider stretch in which it happened.
   */
  changeSec?: number;
  /** Extension: for each role-based reason in missedBecause, what the therapist was doing, when. */
  missedEvidence?: MissedEvidence[];
}

export interface MissedEvidence {
  reason: 'therapist-speaking' | 'therapist-looking-away' | 'no-response';
  startSec: number;
  endSec: number;
  /** The evidence in plain words. */
  text: string;
}

export interface Person {
  id: string;
  role: Role;
  /** Extension: a voice heard with no face in view (speaker attribution's off-camera speaker). */
  offCamera?: boolean;
}

export interface Analysis {
  format: 'attune-analysis';
  version: 1;
  source: SourceInfo;
  analysis: {
    createdAt: string;
    app: string;
    models: { name: string; sha256: string }[];
    settings: Record<string, unknown>;
    /** Extension: plain-language notes on what could not be analysed (no face found, no sound…). */
    notes?: string[];
  };
  people: Person[];
  tracks: {
    face: FaceTrack[];
    voice: VoiceTrack[];
    /** Extension: absent in files made before the body channel. */
    body?: BodyTrack[];
    speech?: SpeechSegment[];
    interaction?: InteractionTrack[];
  };
  markers: Marker[];
}
