import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { headPoseFromMatrix } from '../../lib/vision/head-pose.ts';

type M3 = number[][];
const rad = (deg: number): number => (deg * Math.PI) / 180;
const mul = (a: M3, b: M3): M3 => a.map((row) => b[0]!.map((_, c) => row.reduce((sum, v, k) => sum + v * b[k]![c]!, 0)));
const rotX = (a: number): M3 => [[1, 0, 0], [0, Math.cos(a), -Math.sin(a)], [0, Math.sin(a), Math.cos(a)]];
const rotY = (a: number): M3 => [[Math.cos(a), 0, Math.sin(a)], [0, 1, 0], [-Math.sin(a), 0, Math.cos(a)]];
const rotZ = (a: number): M3 => [[Math.cos(a), -Math.sin(a), 0], [Math.sin(a), Math.cos(a), 0], [0, 0, 1]];

/** Column-major 4×4 as MediaPipe returns it, with a translation like a face 40 cm in front of the camera and a scale. */
function columnMajor(r: M3, scale = 1, translation = [3, -2, -40]): number[] {
  const data = new Array<number>(16).fill(0);
  for (let row = 0; row < 3; row++) for (let col = 0; col < 3; col++) data[col * 4 + row] = r[row]![col]! * scale;
  data[12] = translation[0]!;
  data[13] = translation[1]!;
  data[14] = translation[2]!;
  data[15] = 1;
  return data;
}

/** Applies a rotation to a canonical-face direction (x: the person's left, y: up, z: out of the face towards the camera). */
const apply = (r: M3, v: number[]): number[] => r.map((row) => row.reduce((sum, x, k) => sum + x * v[k]!, 0));

describe('headPoseFromMatrix', () => {
  it('gives 0,0,0 for the identity (facing the camera upright)', () => {
    const pose = headPoseFromMatrix(columnMajor([[1, 0, 0], [0, 1, 0], [0, 0, 1]], 1, [0, 0, 0]));
    assert.deepEqual([pose.yawDeg, pose.pitchDeg, pose.rollDeg].map((v) => Math.abs(v)), [0, 0, 0]);
  });

  it('recovers the angles a rotation was built from (neck turn, then nod, then tilt), at any scale', () => {
    for (const yaw of [-70, -30, -5, 0, 12, 45, 80]) {
      for (const pitch of [-60, -20, 0, 8, 35, 70]) {
        for (const roll of [-50, -10, 0, 3, 25, 60]) {
          const r = mul(mul(rotY(rad(yaw)), rotX(rad(-pitch))), rotZ(rad(roll)));
          for (const scale of [1, 0.37, 2.5]) {
            const pose = headPoseFromMatrix(columnMajor(r, scale));
            const where = `yaw ${yaw}, pitch ${pitch}, roll ${roll}, scale ${scale}`;
            assert.ok(Math.abs(pose.yawDeg - yaw) < 1e-9, `${where}: yaw ${pose.yawDeg}`);
            assert.ok(Math.abs(pose.pitchDeg - pitch) < 1e-9, `${where}: pitch ${pose.pitchDeg}`);
            assert.ok(Math.abs(pose.rollDeg - roll) < 1e-9, `${where}: roll ${pose.rollDeg}`);
          }
        }
      }
    }
  });

  it('reads the matrix column-major: the same numbers read row-major would be the inverse turn', () => {
    const r = rotY(rad(20));
    const pose = headPoseFromMatrix(columnMajor(r));
    const transposed = headPoseFromMatrix(columnMajor(r.map((_, i) => r.map((row) => row[i]!))));
    assert.ok(Math.abs(pose.yawDeg - 20) < 1e-9);
    assert.ok(Math.abs(transposed.yawDeg + 20) < 1e-9);
  });

  it('signs: nose to the image right is +yaw, nose up is +pitch, the person’s left eye raised is +roll', () => {
    const noseRight = rotY(rad(15));
    assert.ok(apply(noseRight, [0, 0, 1])[0]! > 0);
    assert.ok(headPoseFromMatrix(columnMajor(noseRight)).yawDeg > 14);

    const noseUp = rotX(rad(-15));
    assert.ok(apply(noseUp, [0, 0, 1])[1]! > 0);
    assert.ok(headPoseFromMatrix(columnMajor(noseUp)).pitchDeg > 14);

    // The person's left eye is on canonical +x; raising it tilts the head towards their right shoulder.
    const leftEyeUp = rotZ(rad(15));
    assert.ok(apply(leftEyeUp, [1, 0, 0])[1]! > 0);
    assert.ok(headPoseFromMatrix(columnMajor(leftEyeUp)).rollDeg > 14);
  });

  it('rejects something that is not a 4×4 matrix', () => {
    assert.throws(() => headPoseFromMatrix([1, 0, 0, 1]), /16 values/);
    assert.throws(() => headPoseFromMatrix(new Array<number>(16).fill(0)), /no rotation/);
  });
});
