/**
 * Plain-language wording for a marker's evidence. Clinicians read these; they should never need
 * to know what a z-score or a blendshape is to judge whether a marker is worth a look.
 */
import type { Cue, Marker, Role } from './types.ts';

/**
 * How fusion summarised a feature over the before/after windows (lib/fusion/cue-types.ts): its typical
 * value, how fast it changed, its spread, or the share of time it was on. Not in the public contract's
 * Cue, so read defensively; an analysis without it is all levels.
 */
type Measure = 'level' | 'speed' | 'spread' | 'share';

function measureOf(cue: Cue): Measure {
  const measure = (cue as Cue & { measure?: unknown }).measure;
  return measure === 'speed' || measure === 'spread' || measure === 'share' ? measure : 'level';
}

/** Track feature names (without Left/Right) in everyday words. */
const FEATURE_WORDS: Record<string, string> = {
  mouthSmile: 'smile',
  browDown: 'brow lowering',
  browInnerUp: 'inner brow raise',
  browOuterUp: 'outer brow raise',
  eyeLookDown: 'looking down',
  eyeLookUp: 'looking up',
  eyeLookIn: 'eye turned inward',
  eyeLookOut: 'eye turned outward',
  eyeBlink: 'eyelid closing',
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
  headYawDeg: 'head turn (side to side)',
  headPitchDeg: 'head tilt (up and down)',
  headRollDeg: 'head tilt (sideways)',
  f0Hz: 'voice pitch',
  loudnessDb: 'loudness',
  speech: 'speaking',
  headMovementSynchrony: 'moving in step (head movement)',
  bodyMovementSynchrony: 'moving in step (body movement)',
  motionEnergy: 'body movement',
  fidgeting: 'small hand movement',
  shoulderTiltDeg: 'shoulder line tilt',
  noseAboveShoulders: 'head height above the shoulders',
  shoulderWidth: 'shoulder width as seen by the camera',
  selfTouch: 'a hand at the face, neck or arm',
  regionMotion: 'movement in the picture',
};

/** Body measures in face-heights (lib/body/), so distance to the camera does not change them. */
const FACE_HEIGHTS = new Set(['noseAboveShoulders', 'shoulderWidth']);
const FACE_HEIGHTS_PER_SECOND = new Set(['motionEnergy', 'fidgeting']);

function splitSide(feature: string): { stem: string; side: 'left' | 'right' | null } {
  const side = /(Left|Right)$/.exec(feature)?.[1];
  return side ? { stem: feature.slice(0, -side.length), side: side === 'Left' ? 'left' : 'right' } : { stem: feature, side: null };
}

/** "mouthSmileLeft" → "smile"; unknown names are split into words rather than shown raw. */
function stemWords(stem: string, measure: Measure): string {
  const words = FEATURE_WORDS[stem] ?? stem.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  if (measure === 'speed') return `speed of ${words}`;
  if (measure === 'spread') return stem === 'f0Hz' ? 'pitch variation' : `variation in ${words}`;
  if (measure === 'share') return stem === 'speech' ? 'time spent speaking' : `time with ${words}`;
  return words;
}

/** "41 → 5" and " out of 100"; "196 → 171" and " Hz": the numbers, and the unit said once after them. */
function changeWords(feature: string, measure: Measure, before: number | null, after: number | null): { values: string; unit: string } {
  const { stem } = splitSide(feature);
  let format: (v: number) => string;
  let unit: string;
  if (measure === 'share') [format, unit] = [(v) => `${Math.round(v * 100)}%`, ' of the time'];
  else if (/Deg$/.test(stem)) [format, unit] = [(v) => String(Math.round(v)), measure === 'speed' ? '°/s' : '°'];
  else if (/Hz$/.test(stem)) [format, unit] = [(v) => String(Math.round(v)), ' Hz'];
  else if (/Db$/.test(stem)) [format, unit] = [(v) => v.toFixed(1), ' dB'];
  else if (FACE_HEIGHTS.has(stem)) [format, unit] = [(v) => v.toFixed(2), ' face-heights'];
  else if (FACE_HEIGHTS_PER_SECOND.has(stem)) [format, unit] = [(v) => v.toFixed(2), ' face-heights a second'];
  else if (stem === 'regionMotion') [format, unit] = [(v) => (v * 100).toFixed(1), '% of their part of the picture changing'];
  // Synchrony is kept as Fisher z; shown as the correlation it stands for (0 unrelated, 1 perfectly together).
  else if (/Synchrony$/.test(stem)) [format, unit] = [(v) => Math.tanh(v).toFixed(2), ' (0 = unrelated, 1 = perfectly together)'];
  // Face scores run 0..1; "out of 100" reads more naturally than decimals.
  else [format, unit] = [(v) => String(Math.round(v * 100)), measure === 'speed' ? ' out of 100 per second' : ' out of 100'];
  const show = (v: number | null) => (v === null ? 'not measurable' : format(v));
  return { values: `${show(before)} → ${show(after)}`, unit };
}

/**
 * How unusual a change is for this person, from z: fusion reports each cue's change in units of this
 * person's typical spread of that cue during the session. Ordinary moment-to-moment differences are
 * mostly within 1; about 1 in 20 reach 2 and about 1 in 370 reach 3, if the cue varies normally.
 */
export function unusualness(z: number | null, who = 'this person'): string {
  if (z === null || !Number.isFinite(z)) return 'could not be compared with their usual range';
  const whose = who === 'this person' ? "this person's" : `${who}'`;
  const size = Math.abs(z);
  const times = `a change about ${size < 10 ? size.toFixed(1) : Math.round(size)} times their usual variation`;
  if (size >= 4) return `far outside what is usual for ${who} (${times})`;
  if (size >= 3) return `well outside what is usual for ${who} (${times}; rare in ordinary moments)`;
  if (size >= 2) return `outside what is usual for ${who} (${times})`;
  if (size >= 1) return `somewhat unusual for ${who} (${times})`;
  return `within ${whose} usual range (${times})`;
}

function direction(cue: Cue): 'rose' | 'fell' | 'changed' {
  if (cue.before === null || cue.after === null || cue.before === cue.after) return 'changed';
  return cue.after > cue.before ? 'rose' : 'fell';
}

/** Names for cues fusion reports through several different features (lib/fusion/face-cues.ts). */
function groupName(stems: ReadonlySet<string>, measure: Measure): string {
  const only = (...names: string[]) => [...stems].every((s) => names.includes(s));
  if (stems.size > 1 && only('eyeLookIn', 'eyeLookOut')) return 'looking to the side';
  if (stems.size > 1 && only('eyeLookDown', 'eyeLookUp')) return 'looking down or up';
  if (stems.size > 1 && only('browInnerUp', 'browOuterUp')) return 'brow raise';
  if (stems.size > 1 && only('headYawDeg', 'headPitchDeg', 'headRollDeg')) return measure === 'speed' ? 'head movement' : 'head position';
  return [...stems].map((stem) => stemWords(stem, measure)).join(' and ');
}

/**
 * One evidence line per cue: "Smile fell: left 41 → 5, right 38 → 6 out of 100 — well outside what is
 * usual for this person (…)". Fusion lists up to two features of one cue as separate entries with the
 * same z (both mouth corners; one eye in and the other out), so consecutive entries with the same z
 * and measure are read as one cue.
 */
export function evidenceLines(cues: readonly Cue[]): string[] {
  const groups: Cue[][] = [];
  for (const cue of cues) {
    const last = groups.at(-1)?.[0];
    if (last && cue.z !== null && last.z === cue.z && measureOf(last) === measureOf(cue)) groups.at(-1)!.push(cue);
    else groups.push([cue]);
  }
  return groups.map((group) => {
    const first = group[0]!;
    const measure = measureOf(first);
    const stems = new Set(group.map((c) => splitSide(c.feature).stem));
    const name = groupName(stems, measure);
    // Synchrony belongs to the pair, so its change is weighed against what is usual for the two of them.
    const who = [...stems].some((stem) => /Synchrony$/.test(stem)) ? 'these two people' : 'this person';
    const directions = new Set(group.map(direction));
    const dir = directions.size === 1 ? direction(first) : 'changed';
    const changes = group.map((c) => ({ cue: c, ...changeWords(c.feature, measure, c.before, c.after) }));
    const sameUnit = new Set(changes.map((c) => c.unit)).size === 1;
    const partLabel = (c: Cue) => {
      const { stem, side } = splitSide(c.feature);
      return stems.size === 1 ? (side ?? '') : `${stemWords(stem, measure)}${side ? ` (${side})` : ''}`;
    };
    if (group.length === 1) {
      const { side } = splitSide(first.feature);
      const only = changes[0]!;
      return `${capitalise(name)}${side ? ` (${side})` : ''} ${dir}: ${only.values}${only.unit} — ${unusualness(first.z, who)}.`;
    }
    const parts = changes.map((c) => `${partLabel(c.cue)} ${c.values}${sameUnit ? '' : c.unit}`.trim()).join(', ');
    const body = sameUnit ? parts + changes[0]!.unit : parts;
    return `${capitalise(name)} ${dir}: ${body} — ${unusualness(first.z, who)}.`;
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const KIND_WORDS: Record<string, string> = {
  shift: 'Shift',
  brief: 'Brief change',
  incongruence: 'Face and voice disagree',
  'synchrony-drop': 'Moving in step stopped',
  'self-touch': 'Hand to face, neck or arm',
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
  if (score >= 0.75) return 'Evidence: strong';
  if (score >= 0.5) return 'Evidence: moderate';
  return 'Evidence: weak';
}

/**
 * "Client", "Therapist", or for someone not (yet) given a role "Person 2" (`number` counts from 1) or
 * "Voice off camera" (heard, never in view).
 */
export function personWords(person: { role: Role; offCamera?: boolean } | undefined, number: number): string {
  if (person?.role === 'client') return 'Client';
  if (person?.role === 'therapist') return 'Therapist';
  return person?.offCamera ? 'Voice off camera' : `Person ${number}`;
}

/** Who a marker is about when it is about the pair (synchrony), not one person. */
export const PAIR_WORDS = 'Both people';

export const isPairMarker = (marker: Marker): boolean => marker.personId === null && marker.modality.includes('interaction');

/** What markers are and are not, said the same way on the review screen and in every export. */
export const WHAT_MARKERS_ARE =
  'Markers show observable changes in face, body and voice compared with this person’s own usual behaviour in this session. They are not emotions and not a diagnosis — they point to moments worth a second look, for your clinical judgement.';
