/**
 * Body cues from the body track (5/3 samples a second) on the common grid. All are measured in
 * face-heights, so distance to the camera does not change them; docs/markers.md lists them.
 */
import type { BodyTrack } from '../analysis/types.ts';
import type { CueInfo, CueStream } from './cue-types.ts';
import { binSeries, type Grid } from './grid.ts';
import { mean, median } from './robust.ts';

type BodyFeature = 'motionEnergy' | 'shoulderTiltDeg' | 'noseAboveShoulders' | 'shoulderWidth' | 'fidgeting';

interface BodyCueDef extends CueInfo {
  feature: BodyFeature;
  /** Movement is averaged per bin (a burst counts); posture takes the median (one bad frame does not). */
  aggregate: (values: number[]) => number | null;
}

type Aggregate = BodyCueDef['aggregate'];

function cue(name: string, feature: BodyFeature, aggregate: Aggregate, scaleFloor: number, brief: boolean, rises: string, falls: string): BodyCueDef {
  return { name, modality: 'body', features: [feature], feature, measure: 'level', aggregate, scaleFloor, brief, rises, falls };
}

/**
 * Least spreads, from what the measures are rather than from any one recording: a still person's
 * keypoint jitter reads about 0.05 face-heights a second; 2° of shoulder line, like the head angles;
 * a twentieth of a face-height for the posture distances. They change only as lasting shifts: single
 * body frames are too few and too jittery for a brief marker. Self-touch is an event, not a level, and
 * makes its own markers (touch-markers.ts).
 */
const BODY_CUES: readonly BodyCueDef[] = [
  cue('bodyMovement', 'motionEnergy', mean, 0.05, false, 'body moved more', 'body moved less'),
  cue('fidgeting', 'fidgeting', mean, 0.1, false, 'more small hand movement', 'less small hand movement'),
  cue('shoulderTilt', 'shoulderTiltDeg', median, 2, false, 'shoulder line tilted about {change}°', 'shoulder line tilted about {change}°'),
  cue('headAboveShoulders', 'noseAboveShoulders', median, 0.05, false, 'head higher above the shoulders', 'shoulders raised or head lowered'),
  cue('shoulderWidth', 'shoulderWidth', median, 0.05, false, 'shoulders wider to the camera (turned toward it)', 'shoulders narrower to the camera (turned away or drawn in)'),
];

/** Every body cue of one person's body track on the grid; the reported feature is the cue itself. */
export function bodyCueStreams(track: BodyTrack, grid: Grid): CueStream[] {
  return BODY_CUES.map((def) => {
    // binSeries skips frames where the cue is null.
    const values = binSeries(grid, track.t, (i) => track[def.feature][i] ?? null, def.aggregate);
    return { info: def, values, features: new Map([[def.feature, values]]) };
  });
}
