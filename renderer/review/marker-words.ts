/**
 * Plain-language wording for a marker's evidence. Clinicians read these; they should never need
 * to know what a z-score or a blendshape is to judge whether a marker is worth a look.
 */
import type { Cue, Marker, Role } from '../../lib/analysis/types.ts';

const SIDE: Record<string, string> = { Left: ' (left)', Right: ' (right)' };

/** Names of the cues the fusion stage reports, in everyday words. */
const FEATURE_WORDS: Record<string, string> = {
  smile: 'smile',
  mouthSmile: 'smile',
  browLower: 'brow lowering',
  browDown: 'brow lowering',
  browInnerUp: 'inner brow raise',
  browOuterUp: 'outer brow raise',
  browRaise: 'brow raise',
  gazeAway: 'looking away',
  eyeLookDown: 'looking down',
  eyeLookUp: 'looking up',
  eyeLookIn: 'looking sideways',
  eyeLookOut: 'looking sideways',
  eyeBlink: 'eyes closing',
  eyeWide: 'eyes widening',
  eyeSquint: 'eyes narrowing',
  mouthFrown: 'mouth corners pulled down',
  mouthPress: 'lips pressed',
  mouthPucker: 'lips pursed',
  mouthRollLower: 'lower lip rolled in',
  mouthRollUpper: 'upper lip rolled in',
  mouthShrugLower: 'chin raised',
  mouthStretch: 'lips stretched',
  jawOpen: 'mouth opening',
  cheekSquint: 'cheeks raised',
  noseSneer: 'nose wrinkled',
  headMovement: 'head movement',
  headYawDeg: 'head turn (left–right)',
  headPitchDeg: 'head nod (up–down)',
  headRollDeg: 'head tilt',
  f0Hz: 'voice pitch',
  pitch: 'voice pitch',
  loudnessDb: 'loudness',
  loudness: 'loudness',
  speech: 'speaking time',
  speechRate: 'speaking rate',
  pauseSec: 'pause length',
};

/** "mouthSmileLeft" → "smile (left)"; unknown names are split into words rather than shown raw. */
export function featureWords(feature: string): string {
  const side = /(Left|Right)$/.exec(feature)?.[1];
  const stem = side ? feature.slice(0, -side.length) : feature;
  const words = FEATURE_WORDS[stem] ?? stem.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words + (side ? SIDE[side]! : '');
}

/** A cue value with its unit: pitch in Hz, loudness in dB, angles in degrees, 0–1 scores out of 100. */
export function formatCueValue(feature: string, value: number | null): string {
  if (value === null) return 'not measurable';
  if (/Hz$|^pitch$/.test(feature)) return `${Math.round(value)} Hz`;
  if (/Db$|^loudness$/.test(feature)) return `${value.toFixed(1)} dB`;
  if (/Deg$/.test(feature)) return `${Math.round(value)}°`;
  if (feature === 'headMovement') return `${Math.round(value)}°/s`;
  if (/Sec$/.test(feature)) return `${value.toFixed(1)} s`;
  // Face scores run 0..1; "out of 100" reads more naturally than decimals.
  return `${Math.round(value * 100)} of 100`;
}

/**
 * How unusual a change is for this person, from z (the change measured in this person's usual
 * moment-to-moment variation during the session). The thresholds follow the usual reading of z:
 * about 1 in 20 ordinary moments differ by 2 or more, about 1 in 370 by 3 or more.
 */
export function unusualness(z: number | null): string {
  if (z === null || !Number.isFinite(z)) return 'could not be compared with their usual range';
  const size = Math.abs(z);
  const times = `a change about ${size < 10 ? size.toFixed(1) : Math.round(size)} times their usual variation`;
  if (size >= 4) return `far outside what is usual for this person (${times})`;
  if (size >= 3) return `well outside what is usual for this person (${times}; rare in ordinary moments)`;
  if (size >= 2) return `outside what is usual for this person (${times})`;
  if (size >= 1) return `somewhat unusual for this person (${times})`;
  return `within this person's usual range (${times})`;
}

export function cueDirection(cue: Cue): 'rose' | 'fell' | 'changed' {
  if (cue.before === null || cue.after === null || cue.before === cue.after) return 'changed';
  return cue.after > cue.before ? 'rose' : 'fell';
}

/** One evidence line: "Smile (left) fell: 41 of 100 → 5 of 100 — well outside what is usual…". */
export function cueSentence(cue: Cue): string {
  const name = featureWords(cue.feature);
  const capital = name.charAt(0).toUpperCase() + name.slice(1);
  const before = formatCueValue(cue.feature, cue.before);
  const after = formatCueValue(cue.feature, cue.after);
  return `${capital} ${cueDirection(cue)}: ${before} → ${after} — ${unusualness(cue.z)}.`;
}

const MISSED_WORDS: Record<string, string> = {
  brief: 'it was brief — over in about a second',
  'therapist-speaking': 'it happened while the therapist was speaking',
  'therapist-looking-away': 'it happened while the therapist was looking away',
  'no-response': 'nothing in the therapist’s face or voice changed in response',
  subtle: 'the change was small in size, though unusual for this person',
  'during-silence': 'it happened during a silence, with nothing said',
};

/** "Why this was easy to miss: …", or null when the analysis gave no reason. */
export function missedBecauseSentence(reasons: readonly string[] | undefined): string | null {
  if (!reasons || reasons.length === 0) return null;
  const parts = reasons.map((r) => MISSED_WORDS[r] ?? r.replace(/-/g, ' '));
  const joined = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join('; ')}; and ${parts.at(-1)!}`;
  return joined.charAt(0).toUpperCase() + joined.slice(1) + '.';
}

const KIND_WORDS: Record<string, string> = {
  shift: 'Shift',
  brief: 'Brief change',
  incongruence: 'Face and voice disagree',
};

export function kindWords(kind: string): string {
  return KIND_WORDS[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1).replace(/-/g, ' ');
}

const MODALITY_WORDS: Record<string, string> = { face: 'face', body: 'body', voice: 'voice', interaction: 'interaction' };

/** "face and voice" */
export function modalityWords(marker: Marker): string {
  const words = marker.modality.map((m) => MODALITY_WORDS[m] ?? m);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}

/** Evidence strength from the marker's 0..1 score. */
export function strengthWords(score: number): string {
  if (score >= 0.75) return 'strong evidence';
  if (score >= 0.5) return 'moderate evidence';
  return 'weak evidence';
}

export function roleWords(role: Role | undefined): string {
  return role === 'client' ? 'Client' : role === 'therapist' ? 'Therapist' : 'Person';
}
