import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { FaceTracker, trackFaces } from '../../lib/vision/face-tracker.ts';
import type { FaceObservation, FrameObservations } from '../../lib/vision/types.ts';

/** A face centred at (cx, cy) whose yaw carries a tag, so the test can see whose column it landed in. */
function face(cx: number, cy: number, tag: number, w = 0.12, h = 0.2): FaceObservation {
  return { box: { x: cx - w / 2, y: cy - h / 2, w, h }, yawDeg: tag, pitchDeg: 0, rollDeg: 0, blendshapes: new Array<number>(52).fill(tag / 100) };
}

const frames = (count: number, faces: (i: number) => FaceObservation[], fps = 5): Pick<FrameObservations, "t" | "faces">[] =>
  Array.from({ length: count }, (_, i) => ({ t: i / fps, faces: faces(i) }));

const yawOf = (tracks: ReturnType<typeof trackFaces>, id: string): (number | null)[] => tracks.find((t) => t.personId === id)?.headYawDeg ?? [];

describe('FaceTracker', () => {
  it('keeps one jittering face as one person with a value at every frame', () => {
    const tracks = trackFaces(frames(30, (i) => [face(0.5 + 0.01 * Math.sin(i), 0.4 + 0.01 * Math.cos(i * 1.7), 7)]));
    assert.equal(tracks.length, 1);
    const [track] = tracks;
    assert.equal(track!.personId, 'p1');
    assert.equal(track!.t.length, 30);
    assert.deepEqual(track!.presence, new Array(30).fill(1));
    assert.deepEqual(track!.headYawDeg, new Array(30).fill(7));
    assert.equal(Object.keys(track!.blendshapes).length, 52);
    assert.deepEqual(track!.blendshapes.mouthSmileLeft, new Array(30).fill(0.07));
  });

  it('numbers a gallery view left to right and keeps each face with its person whatever order they are listed in', () => {
    const left = (): FaceObservation => face(0.25, 0.5, 1);
    const right = (): FaceObservation => face(0.75, 0.5, 2);
    const tracks = trackFaces(frames(20, (i) => (i % 2 ? [left(), right()] : [right(), left()])));
    assert.deepEqual(tracks.map((t) => t.personId), ['p1', 'p2']);
    assert.deepEqual(yawOf(tracks, 'p1'), new Array(20).fill(1));
    assert.deepEqual(yawOf(tracks, 'p2'), new Array(20).fill(2));
  });

  it('gives the same result whatever order the detector lists faces in', () => {
    const sequence = frames(15, (i) => [face(0.3 + i * 0.005, 0.5, 1), face(0.7 - i * 0.004, 0.45, 2)]);
    const reversed = sequence.map((f) => ({ ...f, faces: [...f.faces].reverse() }));
    assert.deepEqual(trackFaces(reversed), trackFaces(sequence));
  });

  it('keeps the id of a face that leaves and comes back near the same place, with nulls while it is away', () => {
    const tracks = trackFaces(frames(40, (i) => (i >= 10 && i < 30 ? [] : [face(i < 10 ? 0.5 : 0.53, 0.4, 3)])));
    assert.equal(tracks.length, 1);
    const presence = tracks[0]!.presence;
    assert.deepEqual(presence, Array.from({ length: 40 }, (_, i) => (i >= 10 && i < 30 ? 0 : 1)));
    assert.deepEqual(tracks[0]!.headYawDeg.slice(9, 11), [3, null]);
    assert.equal(tracks[0]!.blendshapes.jawOpen![20], null);
  });

  it('starts a second person for a face far from the first, back-filling their earlier frames with nulls', () => {
    const tracks = trackFaces(frames(10, (i) => (i < 4 ? [face(0.2, 0.5, 1)] : [face(0.2, 0.5, 1), face(0.8, 0.5, 2)])));
    assert.deepEqual(tracks.map((t) => t.personId), ['p1', 'p2']);
    assert.deepEqual(yawOf(tracks, 'p2'), [null, null, null, null, 2, 2, 2, 2, 2, 2]);
    assert.deepEqual(tracks[1]!.presence, [0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
  });

  it('never makes more than two people: a third face that matches no one is left out', () => {
    const tracks = trackFaces(frames(10, (i) => (i < 5 ? [face(0.2, 0.5, 1), face(0.8, 0.5, 2)] : [face(0.2, 0.5, 1), face(0.5, 0.2, 9)])));
    assert.equal(tracks.length, 2);
    assert.ok(!yawOf(tracks, 'p2').includes(9) && !yawOf(tracks, 'p1').includes(9));
    assert.deepEqual(tracks[1]!.presence, [1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
  });

  it('follows two faces that cross paths by their motion', () => {
    // Equal sizes, moving towards each other: at the crossing, position alone cannot tell them apart.
    const tracks = trackFaces(frames(21, (i) => [face(0.2 + i * 0.03, 0.5, 1), face(0.8 - i * 0.03, 0.5, 2)]));
    assert.deepEqual(yawOf(tracks, 'p1'), new Array(21).fill(1));
    assert.deepEqual(yawOf(tracks, 'p2'), new Array(21).fill(2));
  });

  it('follows two faces through a crossing where one hides the other for a few frames', () => {
    const tracks = trackFaces(
      frames(21, (i) => {
        const a = face(0.2 + i * 0.03, 0.5, 1, 0.16, 0.26);
        const b = face(0.8 - i * 0.03, 0.5, 2);
        return i >= 9 && i <= 11 ? [a] : [a, b];
      }),
    );
    assert.deepEqual(yawOf(tracks, 'p1'), new Array(21).fill(1));
    assert.deepEqual(yawOf(tracks, 'p2'), Array.from({ length: 21 }, (_, i) => (i >= 9 && i <= 11 ? null : 2)));
  });

  it('gives no tracks when no face was ever found, and still a time for every frame when one was', () => {
    assert.deepEqual(trackFaces(frames(5, () => [])), []);
    const tracks = trackFaces(frames(6, (i) => (i === 5 ? [face(0.5, 0.5, 1)] : [])));
    assert.deepEqual(tracks[0]!.t, [0, 0.2, 0.4, 0.6, 0.8, 1]);
    assert.deepEqual(tracks[0]!.presence, [0, 0, 0, 0, 0, 1]);
  });

  it('remembers the frame where each person’s face was largest', () => {
    const tracker = new FaceTracker();
    for (const f of frames(5, (i) => [face(0.5, 0.5, 1, 0.1 + (i === 3 ? 0.05 : 0), 0.2)])) tracker.push(f);
    const [snapshot] = tracker.snapshots();
    assert.equal(snapshot!.personId, 'p1');
    assert.equal(snapshot!.t, 0.6);
    assert.ok(Math.abs(snapshot!.box.w - 0.15) < 1e-12);
  });

  it('refuses frames out of time order', () => {
    const tracker = new FaceTracker();
    tracker.push({ t: 1, faces: [] });
    assert.throws(() => tracker.push({ t: 1, faces: [] }), /increasing time/);
    assert.throws(() => tracker.push({ t: 0.5, faces: [] }), /increasing time/);
  });
});
