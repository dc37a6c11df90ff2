/**
 * Face cues a therapist can picture, derived from the face track's blendshapes and head angles and put on
 * the common grid. docs/markers.md lists them with their meaning.
 */
import type { FaceTrack, Series } from '../analysis/types.ts';
import type { CueInfo, CueStream } from './cue-types.ts';
import { binSamples, binSeries, type Grid } from './grid.ts';
import { isValue, mean, median } from './robust.ts';

type Aggregate = (values: number[]) => number | null;
type SampleValue = (track: FaceTrack, i: number) => number | null;

interface FaceCueDef extends CueInfo {
  /** The cue at one face sample. */
  valueAt: SampleValue;
  /**
   * Median per bin resists a single mis-tracked frame; eye closure and head speed use the mean because
   * their short events (a blink, a quick turn) are exactly what a median would erase.
   */
  aggregate: Aggregate;
}

/** A blendshape-based cue's least spread: 2 % of the 0..1 range. */
const BLENDSHAPE_FLOOR = 0.02;
/** A face lost and found again more than this far apart is not movement. */
const MAX_SPEED_GAP_SEC = 1;

function featureAt(track: FaceTrack, name: string, i: number): number | null {
  const series: Series | undefined =
    name === 'headYawDeg' ? track.headYawDeg
    : name === 'headPitchDeg' ? track.headPitchDeg
    : name === 'headRollDeg' ? track.headRollDeg
    : name === 'regionMotion' ? track.regionMotion
    : track.blendshapes[name];
  const v = series?.[i];
  return isValue(v) ? v : null;
}

/** Mean of the named features that are observed at sample i; null if none is. */
function meanOf(...names: string[]): SampleValue {
  return (track, i) => mean(names.map((n) => featureAt(track, n, i)).filter(isValue));
}

/** Absolute rate of change of one feature between sample i-1 and i, per second. */
function speedAt(track: FaceTrack, name: string, i: number): number | null {
  const dt = i > 0 ? track.t[i]! - track.t[i - 1]! : 0;
  const now = featureAt(track, name, i);
  const prev = i > 0 ? featureAt(track, name, i - 1) : null;
  if (!(dt > 0 && dt <= MAX_SPEED_GAP_SEC) || now === null || prev === null) return null;
  return Math.abs(now - prev) / dt;
}

const HEAD_ANGLES = ['headYawDeg', 'headPitchDeg', 'headRollDeg'];

/** Angular speed of the head, degrees per second, from all three angles. */
const headSpeed: SampleValue = (track, i) => {
  const speeds = HEAD_ANGLES.map((n) => speedAt(track, n, i));
  return speeds.every(isValue) ? Math.hypot(...speeds) : null;
};

/** Positive when the eyes look down, negative when up (eyeLookDown − eyeLookUp). */
const gazeDown: SampleValue = (track, i) => {
  const down = meanOf('eyeLookDownLeft', 'eyeLookDownRight')(track, i);
  const up = meanOf('eyeLookUpLeft', 'eyeLookUpRight')(track, i);
  return down === null || up === null ? null : down - up;
};

/**
 * How far the eyes look to either side, without saying which: MediaPipe's left/right naming is
 * anatomical but camera mirroring varies, so the direction is not reported, only its size.
 */
const gazeAside: SampleValue = (track, i) => {
  const oneWay = meanOf('eyeLookOutLeft', 'eyeLookInRight')(track, i);
  const otherWay = meanOf('eyeLookInLeft', 'eyeLookOutRight')(track, i);
  return oneWay === null || otherWay === null ? null : Math.abs(oneWay - otherWay);
};

function blendshapeCue(name: string, features: string[], rises: string, falls: string, brief: FaceCueDef['brief'] = true): FaceCueDef {
  return {
    name, modality: 'face', features, measure: 'level', scaleFloor: BLENDSHAPE_FLOOR, brief, rises, falls,
    valueAt: meanOf(...features), aggregate: median,
  };
}

export const FACE_CUES: readonly FaceCueDef[] = [
  blendshapeCue('smile', ['mouthSmileLeft', 'mouthSmileRight'], 'smile increased', 'smile decreased'),
  blendshapeCue('browLowering', ['browDownLeft', 'browDownRight'], 'brows lowered', 'brows less lowered'),
  blendshapeCue('browRaise', ['browInnerUp', 'browOuterUpLeft', 'browOuterUpRight'], 'brows raised', 'brows less raised'),
  blendshapeCue('eyeWidening', ['eyeWideLeft', 'eyeWideRight'], 'eyes widened', 'eyes less wide'),
  {
    ...blendshapeCue('eyeClosure', ['eyeBlinkLeft', 'eyeBlinkRight'], 'eyes closed more (blinks or lids)', 'eyes closed less (blinks or lids)', false),
    aggregate: mean,
  },
  // Mostly articulation while speaking: useful in a lasting change, noise as a blip.
  blendshapeCue('jawOpen', ['jawOpen'], 'mouth more open', 'mouth less open', false),
  // Lips less pressed for a moment is mostly a word being said; pressed together is the cue.
  blendshapeCue('lipPress', ['mouthPressLeft', 'mouthPressRight'], 'lips pressed together', 'lips less pressed', 'rises'),
  blendshapeCue('mouthFrown', ['mouthFrownLeft', 'mouthFrownRight'], 'mouth corners pulled down', 'mouth corners less pulled down'),
  {
    ...blendshapeCue('gazeDown', ['eyeLookDownLeft', 'eyeLookDownRight', 'eyeLookUpLeft', 'eyeLookUpRight'], 'gaze lowered', 'gaze raised'),
    valueAt: gazeDown,
  },
  {
    ...blendshapeCue('gazeAside', ['eyeLookOutLeft', 'eyeLookInRight', 'eyeLookInLeft', 'eyeLookOutRight'], 'gaze further to the side', 'gaze more central'),
    valueAt: gazeAside,
  },
  // The sign conventions of yaw and pitch belong to the vision stage; the summary states size, not side.
  {
    name: 'headYaw', modality: 'face', features: ['headYawDeg'], measure: 'level', scaleFloor: 2, brief: true,
    rises: 'head turned about {change}° side to side', falls: 'head turned about {change}° side to side',
    valueAt: (track, i) => featureAt(track, 'headYawDeg', i), aggregate: median,
  },
  {
    name: 'headPitch', modality: 'face', features: ['headPitchDeg'], measure: 'level', scaleFloor: 2, brief: true,
    rises: 'head tipped about {change}° up or down', falls: 'head tipped about {change}° up or down',
    valueAt: (track, i) => featureAt(track, 'headPitchDeg', i), aggregate: median,
  },
  // A nod or a shake is a brief spike of speed in every conversation, so only lasting changes count.
  {
    name: 'headMovement', modality: 'face', features: HEAD_ANGLES, measure: 'speed', scaleFloor: 2, brief: false,
    rises: 'head moved more', falls: 'head moved less', valueAt: headSpeed, aggregate: mean,
  },
  // Movement in the person's region of the picture (Motion Energy Analysis, lib/body/region-motion.ts): at
  // every analysed frame and without the pose model, so it holds where keypoints are sparse or unsure. Its
  // least spread, 2 % of the region, is what a still person's region reads from camera noise alone.
  // Body movement comes and goes with every gesture, so only lasting changes count.
  {
    name: 'movementInPicture', modality: 'body', features: ['regionMotion'], measure: 'level', scaleFloor: 0.02, brief: false,
    rises: 'moved more in the picture', falls: 'moved less in the picture',
    valueAt: (track, i) => featureAt(track, 'regionMotion', i), aggregate: mean,
  },
];

/** Every face cue of one person's track on the grid, with its reported features in the cue's measure. */
export function faceCueStreams(track: FaceTrack, grid: Grid): CueStream[] {
  return FACE_CUES.map((def) => {
    const features = new Map<string, Series>();
    for (const name of def.features) {
      const valueAt = def.measure === 'speed' ? (i: number) => speedAt(track, name, i) : (i: number) => featureAt(track, name, i);
      features.set(name, binSeries(grid, track.t, valueAt, def.aggregate));
    }
    const samples = binSamples(grid, track.t, (i) => def.valueAt(track, i));
    return { info: def, values: samples.map((values) => def.aggregate(values)), features, samples };
  });
}
