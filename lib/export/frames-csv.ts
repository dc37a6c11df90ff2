/**
 * One row per analysed video frame per person, with OpenFace's column names where OpenFace has the
 * same quantity, so scripts written for OpenFace output read it with few changes:
 * `frame` (1-based, per person), `face_id`, `timestamp` (media seconds), `success` (1 when this
 * person's face was found in the frame), `pose_Rx`/`pose_Ry`/`pose_Rz` (head pitch, yaw and roll in
 * radians, Attune's signs — see docs/exports.md), then the 52 MediaPipe blendshapes by name, then the
 * body cues (docs/markers.md "Body") on the frames the body model ran on (every third analysed frame), empty on the others:
 * `body_success` (1 when this person's body was found), `motion_energy`, `shoulder_tilt_deg`,
 * `nose_above_shoulders`, `shoulder_width`, `self_touch`, `fidgeting`; last, at every frame,
 * `region_motion` (the share of the person's upper-body region of the picture that changed since the
 * previous analysed frame, Motion Energy Analysis; empty where the face was not found).
 * OpenFace's `confidence` is left out: MediaPipe's face landmarker gives no per-face score, and an
 * invented one would mislead any script that filters on it.
 */
import type { Analysis, BodyTrack, FaceTrack } from '../analysis/types.ts';
import { BLENDSHAPE_NAMES } from '../vision/blendshapes.ts';
import { numberField, row, textField } from './csv.ts';

const RADIANS = Math.PI / 180;

const BODY_COLUMNS = [
  ['motion_energy', 'motionEnergy'],
  ['shoulder_tilt_deg', 'shoulderTiltDeg'],
  ['nose_above_shoulders', 'noseAboveShoulders'],
  ['shoulder_width', 'shoulderWidth'],
  ['self_touch', 'selfTouch'],
  ['fidgeting', 'fidgeting'],
] as const;

const HEADER = [
  'frame', 'face_id', 'role', 'timestamp', 'success', 'pose_Rx', 'pose_Ry', 'pose_Rz', ...BLENDSHAPE_NAMES,
  'body_success', ...BODY_COLUMNS.map(([column]) => column), 'region_motion',
];

/** The body columns at body frame j, or all empty when the body model did not run on this frame. */
function bodyFields(body: BodyTrack | undefined, j: number | undefined): string[] {
  if (!body || j === undefined) return ['', ...BODY_COLUMNS.map(() => '')];
  return [String(body.presence[j] ?? 0), ...BODY_COLUMNS.map(([, name]) => numberField(body[name][j]))];
}

const radians = (deg: number | null | undefined): string => numberField(deg === null || deg === undefined ? null : deg * RADIANS, 6);

/** Rows in time order across people (a person's rows in their frame order), as pieces for a streaming write. */
export function* framesCsv(analysis: Analysis): Generator<string> {
  yield row(HEADER);
  const roles = new Map(analysis.people.map((p) => [p.id, p.role]));
  const next = analysis.tracks.face.map(() => 0);
  const tracks: readonly FaceTrack[] = analysis.tracks.face;
  const bodies = tracks.map((face) => analysis.tracks.body?.find((b) => b.personId === face.personId));
  // Body frames are a subset of the face frames, at the same times.
  const bodyIndex = bodies.map((body) => new Map(body?.t.map((t, j) => [t, j])));
  for (;;) {
    let pick = -1;
    for (let k = 0; k < tracks.length; k++) {
      const i = next[k]!;
      if (i < tracks[k]!.t.length && (pick < 0 || tracks[k]!.t[i]! < tracks[pick]!.t[next[pick]!]!)) pick = k;
    }
    if (pick < 0) return;
    const track = tracks[pick]!;
    const i = next[pick]!++;
    yield row([
      String(i + 1),
      textField(track.personId),
      textField(roles.get(track.personId) ?? 'unknown'),
      numberField(track.t[i]),
      String(track.presence[i] ?? 0),
      // OpenFace: Rx pitch, Ry yaw, Rz roll.
      radians(track.headPitchDeg[i]),
      radians(track.headYawDeg[i]),
      radians(track.headRollDeg[i]),
      ...BLENDSHAPE_NAMES.map((name) => numberField(track.blendshapes[name]?.[i])),
      ...bodyFields(bodies[pick], bodyIndex[pick]!.get(track.t[i]!)),
      numberField(track.regionMotion?.[i]),
    ]);
  }
}
