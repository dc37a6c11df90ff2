/**
 * One row per analysed video frame per person, with OpenFace's column names where OpenFace has the
 * same quantity, so scripts written for OpenFace output read it with few changes:
 * `frame` (1-based, per person), `face_id`, `timestamp` (media seconds), `success` (1 when this
 * person's face was found in the frame), `pose_Rx`/`pose_Ry`/`pose_Rz` (head pitch, yaw and roll in
 * radians, Attune's signs — see docs/exports.md), then the 52 MediaPipe blendshapes by name.
 * OpenFace's `confidence` is left out: MediaPipe's face landmarker gives no per-face score, and an
 * invented one would mislead any script that filters on it.
 */
import type { Analysis, FaceTrack } from '../analysis/types.ts';
import { BLENDSHAPE_NAMES } from '../vision/blendshapes.ts';
import { numberField, row, textField } from './csv.ts';

const RADIANS = Math.PI / 180;

const HEADER = ['frame', 'face_id', 'role', 'timestamp', 'success', 'pose_Rx', 'pose_Ry', 'pose_Rz', ...BLENDSHAPE_NAMES];

const radians = (deg: number | null | undefined): string => numberField(deg === null || deg === undefined ? null : deg * RADIANS, 6);

/** Rows in time order across people (a person's rows in their frame order), as pieces for a streaming write. */
export function* framesCsv(analysis: Analysis): Generator<string> {
  yield row(HEADER);
  const roles = new Map(analysis.people.map((p) => [p.id, p.role]));
  const next = analysis.tracks.face.map(() => 0);
  const tracks: readonly FaceTrack[] = analysis.tracks.face;
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
    ]);
  }
}
