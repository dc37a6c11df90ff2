/**
 * Who is speaking, per half-second bin: audio-visual speaker attribution for a recording with one mixed
 * sound track. docs/markers.md ("Who is speaking") explains it for readers.
 *
 * 1. Speech bins: at least half of the bin's 10-ms frames are speech.
 * 2. Visual seeds: during speech, a face whose mouth moves far more than it does in that face's own
 *    silences (robust z ≥ SEED_Z, and clearly more than any other face) is the speaker; when no face in
 *    view moves its mouth much (z < QUIET_Z), the voice may be someone off camera.
 * 3. Voices: each seed group's bins give a voice centroid (MFCCs + pitch, voice-features.ts). An
 *    off-camera group whose voice is no further from a face's voice than the spread within the groups is
 *    that person after all (a speaker who barely moves their lips), and is merged into them.
 * 4. Every other speech bin goes to the nearest voice among the people not ruled out by the picture (a
 *    face in view with a still mouth is ruled out), or by the picture alone when the bin has too little
 *    voicing for a print; a lone disagreeing bin between two agreeing ones takes their owner.
 *
 * 5. Two at once: while two faces in view both move their mouths with the speech (each at SEED_Z or
 *    more, and at least half as much as when that person talks alone), the bin is overlap: it belongs to both, and neither is given the mixture's pitch or loudness.
 *
 * What it cannot do: hear two people talking at once when only one is in view (the louder voice wins the
 * bin), or tell two off-camera voices apart (both are the one off-camera speaker); with no face in view
 * at all it names no one.
 */
import type { FaceTrack, Series, VoiceTrack } from '../analysis/types.ts';
import type { VoicePrints } from '../audio/voice-print.ts';
import { binAt, makeGrid } from '../fusion/grid.ts';
import { isValue, median } from '../fusion/robust.ts';
import { mouthActivity } from './mouth-activity.ts';
import { centroid, squaredDistance, voiceFeatures } from './voice-features.ts';

export const ATTRIBUTION = {
  binSec: 0.5,
  /** A bin is speech when at least this share of its frames is. */
  speechShare: 0.5,
  /** Mouth movement this many robust spreads above the face's own silences: talking. */
  seedZ: 2,
  /** ...and this much more than any other face in view. */
  seedMargin: 1.5,
  /**
   * Two talk at once when each mouth moves at SEED_Z or more and at least this share of what it moves when
   * that person talks alone (the median of their own seed bins): a listener's smile or nod moves far less.
   */
  overlapShare: 0.5,
  /** Below this, a mouth in view is still: that person is not the one talking. */
  stillZ: 0.5,
  /** Speech while no mouth in view moves more than this is a candidate off-camera voice (its voice decides). */
  quietZ: 2,
  /** Least spread of mouth speed (blendshape units per second) so a very still face is not oversensitive. */
  minSpread: 0.05,
  /** A voice needs this many seed bins (2 s of speech) to stand as a cluster. */
  minSeedBins: 4,
} as const;

export const OFF_CAMERA_ID = 'v1';

/**
 * Said in analysis.notes when no speech could be given to anyone: with no face in view (a phone session)
 * the voices alone are not told apart — tried and measured, see docs/markers.md "Who is speaking".
 */
export const SPEAKERS_NOT_TOLD_APART =
  'The speech could not be given to a person (voices are told apart by whose mouth moves with them, and no face in view did), so all speech is shown as one voice.';

export type AttributionSource = 'mouth' | 'voice' | 'neighbours';

export interface SpeakerAttribution {
  binSec: number;
  /** Per bin: the person speaking (a face's id or OFF_CAMERA_ID), null in silence or when undecided. */
  owner: (string | null)[];
  /** Per bin: what decided it, null where owner is null. */
  source: (AttributionSource | null)[];
  /** Per bin: a second person speaking at the same time as `owner` (both mouths moved with the speech), else null. */
  overlap: (string | null)[];
  /** True when an off-camera voice was found (some bins belong to OFF_CAMERA_ID). */
  offCamera: boolean;
}

interface Speaker {
  id: string;
  /** Index in the faces array, -1 for the off-camera voice. */
  face: number;
}

/** Robust z of each bin's mouth speed against the face's own non-speech bins. */
function mouthZ(activity: Series, speech: readonly boolean[]): Series {
  const quiet = activity.filter((v, k): v is number => isValue(v) && !speech[k]);
  const reference = quiet.length >= ATTRIBUTION.minSeedBins ? quiet : activity.filter(isValue);
  const centre = median(reference);
  if (centre === null) return activity.map(() => null);
  const spread = Math.max(ATTRIBUTION.minSpread, 0.1 * centre, 1.4826 * median(reference.map((v) => Math.abs(v - centre)))!);
  return activity.map((v) => (isValue(v) ? (v - centre) / spread : null));
}

function speechBins(voice: VoiceTrack, binSec: number, binCount: number): boolean[] {
  const speech = new Uint32Array(binCount);
  const frames = new Uint32Array(binCount);
  for (let i = 0; i < voice.t.length; i++) {
    const k = binAt(voice.t[i]!, binSec);
    if (k < 0 || k >= binCount) continue;
    frames[k]! += 1;
    if (voice.speech[i] === 1) speech[k]! += 1;
  }
  return Array.from(frames, (n, k) => n > 0 && speech[k]! / n >= ATTRIBUTION.speechShare);
}

/**
 * A moving mouth is outvoted by the sound only when the voices can be told apart: the bin sounds like
 * another speaker's voice (within that voice's own spread), and nearer to it than to the mouth's owner's
 * voice, whose centroid is clearly elsewhere. A listener who smiles or nods while someone else talks
 * moves their mouth too; two people with alike voices are left to the picture.
 */
function voiceOverride(mouth: Speaker, f: Float64Array, voices: ReadonlyMap<Speaker, { centre: Float64Array; spread: number }>): Speaker | null {
  const own = voices.get(mouth);
  let best: Speaker | null = null;
  let bestDistance = Infinity;
  for (const [speaker, v] of voices) {
    if (speaker === mouth) continue;
    const d = squaredDistance(f, v.centre);
    if (d < v.spread && d < bestDistance && (!own || squaredDistance(own.centre, v.centre) > Math.max(own.spread, v.spread))) {
      best = speaker;
      bestDistance = d;
    }
  }
  return best && (!own || bestDistance < squaredDistance(f, own.centre)) ? best : null;
}

export function attributeSpeakers(
  voice: VoiceTrack,
  prints: VoicePrints,
  faces: readonly FaceTrack[],
  durationSec: number,
): SpeakerAttribution {
  const { binSec } = ATTRIBUTION;
  const { binCount } = makeGrid(durationSec, binSec);
  const speech = speechBins(voice, binSec, binCount);
  const speechIndex = speech.flatMap((s, k) => (s ? [k] : []));
  const activity = faces.map((face) => mouthActivity(face, binSec, binCount));
  const z = activity.map((a) => mouthZ(a, speech));
  const features = voiceFeatures(voice, prints, binCount, speechIndex);

  // 2. Seeds from the picture.
  const speakers: Speaker[] = [...faces.map((f, i) => ({ id: f.personId, face: i })), { id: OFF_CAMERA_ID, face: -1 }];
  const seed: (Speaker | null)[] = new Array(binCount).fill(null);
  const overlap: (Speaker | null)[] = new Array(binCount).fill(null);
  for (const k of speechIndex) {
    const seen = z.map((zf) => zf[k]).map((v, i) => ({ v, i })).filter((s): s is { v: number; i: number } => isValue(s.v));
    if (seen.length === 0) continue;
    const ranked = [...seen].sort((a, b) => b.v - a.v);
    const [top, next] = ranked;
    if (top!.v >= ATTRIBUTION.seedZ && (next === undefined || top!.v - next.v >= ATTRIBUTION.seedMargin)) seed[k] = speakers[top!.i]!;
    else if (top!.v < ATTRIBUTION.quietZ) seed[k] = speakers.at(-1)!;
  }

  // Two at once: both mouths move as they do when that person talks alone.
  // Only someone seen talking alone for 2 s has a talking level to compare with.
  const talking = faces.map((_, f) => {
    const own = speechIndex.filter((k) => seed[k]?.face === f).map((k) => activity[f]![k]).filter(isValue);
    return own.length >= ATTRIBUTION.minSeedBins ? median(own) : null;
  });
  const talkingNow = (f: number, k: number) => {
    const [a, level] = [activity[f]![k], talking[f]];
    return isValue(z[f]![k]) && z[f]![k]! >= ATTRIBUTION.seedZ && isValue(a) && level !== null && level !== undefined && a >= ATTRIBUTION.overlapShare * level;
  };
  for (const k of speechIndex) {
    const now = faces.map((_, f) => f).filter((f) => talkingNow(f, k));
    if (now.length < 2) continue;
    const [first, second] = now.sort((a, b) => z[b]![k]! - z[a]![k]! || a - b);
    seed[k] = speakers[first!]!;
    overlap[k] = speakers[second!]!;
  }

  // 3. Voice centroids of the seed groups (overlap bins are a mixture of two voices: left out); an off-camera group that sounds like a face is that face.
  const voices = new Map<Speaker, { centre: Float64Array; spread: number }>();
  for (const speaker of speakers) {
    const vectors = speechIndex.filter((k) => seed[k] === speaker && !overlap[k] && features[k]).map((k) => features[k]!);
    if (vectors.length < ATTRIBUTION.minSeedBins) continue;
    const centre = centroid(vectors);
    voices.set(speaker, { centre, spread: median(vectors.map((v) => squaredDistance(v, centre)))! });
  }
  const offCamera = speakers.at(-1)!;
  const off = voices.get(offCamera);
  if (off) {
    for (const [speaker, v] of voices) {
      if (speaker === offCamera) continue;
      if (squaredDistance(off.centre, v.centre) < Math.max(off.spread, v.spread)) {
        voices.delete(offCamera);
        for (const k of speechIndex) if (seed[k] === offCamera) seed[k] = null;
        break;
      }
    }
  }
  // Without its voice, an off-camera seed is only "nobody in view moved": not enough to name a speaker.
  if (!voices.has(offCamera)) for (const k of speechIndex) if (seed[k] === offCamera) seed[k] = null;

  // 4. Every speech bin.
  const owner: (Speaker | null)[] = new Array(binCount).fill(null);
  const source: (AttributionSource | null)[] = new Array(binCount).fill(null);
  for (const k of speechIndex) {
    const s = seed[k];
    if (overlap[k]) {
      owner[k] = s ?? null;
      source[k] = 'mouth';
      continue;
    }
    if (s && s.face >= 0) {
      const heard = features[k] ? voiceOverride(s, features[k]!, voices) : null;
      owner[k] = heard ?? s;
      source[k] = heard ? 'voice' : 'mouth';
      continue;
    }
    const candidates = [...voices.keys()].filter((sp) => !(sp.face >= 0 && isValue(z[sp.face]![k]) && z[sp.face]![k]! < ATTRIBUTION.stillZ));
    const pool = candidates.length > 0 ? candidates : [...voices.keys()];
    const f = features[k];
    if (f && pool.length > 0) {
      owner[k] = pool.reduce((best, sp) => (squaredDistance(f, voices.get(sp)!.centre) < squaredDistance(f, voices.get(best)!.centre) ? sp : best));
      source[k] = 'voice';
    } else if (s) {
      owner[k] = s;
      source[k] = 'mouth';
    }
  }
  // A bin the picture did not settle, alone between two bins of one speaker, is theirs; so is an undecided one.
  for (const k of speechIndex) {
    if (source[k] === 'mouth' && owner[k] !== null) continue;
    const before = k > 0 && speech[k - 1] ? owner[k - 1] : null;
    const after = k + 1 < binCount && speech[k + 1] ? owner[k + 1] : null;
    if (before && (before === after || (owner[k] === null && after === null)) && owner[k] !== before) {
      owner[k] = before;
      source[k] = 'neighbours';
    } else if (owner[k] === null && after) {
      owner[k] = after;
      source[k] = 'neighbours';
    }
  }
  return {
    binSec,
    owner: owner.map((s) => s?.id ?? null),
    source,
    overlap: overlap.map((s) => s?.id ?? null),
    offCamera: owner.some((s) => s === offCamera),
  };
}
