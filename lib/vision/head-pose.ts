/**
 * Head angles from MediaPipe's facial transformation matrix.
 *
 * The matrix maps MediaPipe's canonical face model into the camera's metric space: right-handed,
 * camera at the origin looking down −Z, +X to the image's right, +Y up. The canonical face looks
 * along +Z (towards the camera), so a face looking straight into the lens gives the identity
 * rotation. MediaPipe hands the 4×4 over as 16 numbers in column-major order (element at row r,
 * column c is `data[c * 4 + r]`; the translation is `data[12..14]`), which is what we read here.
 *
 * The rotation is read as R = Ry(yaw) · Rx(−pitch) · Rz(roll): the neck turns, then nods, then tilts.
 * Conventions, for an unmirrored image of the person:
 * - yaw   > 0: the person turns towards their own left (the nose moves to the image's right);
 * - pitch > 0: the person looks up;
 * - roll  > 0: the head tilts towards the person's own right shoulder (anticlockwise in the image).
 * All in degrees; 0,0,0 is facing the camera upright.
 */

export interface HeadPose {
  yawDeg: number;
  pitchDeg: number;
  rollDeg: number;
}

const DEG_PER_RAD = 180 / Math.PI;

export function headPoseFromMatrix(columnMajor4x4: ArrayLike<number>): HeadPose {
  if (columnMajor4x4.length !== 16) throw new Error(`expected a 4×4 matrix (16 values), got ${columnMajor4x4.length}`);
  const at = (row: number, col: number): number => columnMajor4x4[col * 4 + row] as number;
  // The face-geometry solver may fold a scale into the rotation; each column of a scaled rotation
  // has the same length, so dividing by it leaves the pure rotation.
  const scale = Math.hypot(at(0, 0), at(1, 0), at(2, 0));
  if (!(scale > 0)) throw new Error('transformation matrix has no rotation part');
  const r = (row: number, col: number): number => at(row, col) / scale;
  // For R = Ry(a) · Rx(b) · Rz(c): r12 = −sin b, r02 / r22 = tan a, r10 / r11 = tan c (b = −pitch).
  const pitchRad = Math.asin(Math.max(-1, Math.min(1, r(1, 2))));
  const yawRad = Math.atan2(r(0, 2), r(2, 2));
  const rollRad = Math.atan2(r(1, 0), r(1, 1));
  return { yawDeg: yawRad * DEG_PER_RAD, pitchDeg: pitchRad * DEG_PER_RAD, rollDeg: rollRad * DEG_PER_RAD };
}
