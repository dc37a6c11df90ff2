/**
 * The vision engine on real recordings: real MediaPipe Face Landmarker, in real headless Chromium,
 * on frames decoded by the pipeline's own ffmpeg decoder, tracked by the face tracker.
 */
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { FaceTrack } from '../../lib/analysis/types.ts';
import { keypoint } from '../../lib/body/keypoints.ts';
import { BLENDSHAPE_NAMES } from '../../lib/vision/blendshapes.ts';
import { FaceTracker } from '../../lib/vision/face-tracker.ts';
import type { FrameObservations } from '../../lib/vision/types.ts';
import { decodeVideoFrames } from '../../main/media/decode-video.ts';
import { runVisionStage } from '../../main/pipeline/run-vision.ts';
import type { VisionEngine } from '../../main/pipeline/types.ts';
import { startChromiumVision } from '../../main/vision/headless/chromium-vision.ts';
import { ffmpeg } from '../helpers/ffmpeg.ts';
import { scratch, video, visionModels } from '../helpers/paths.ts';

const MODELS = await visionModels();
const RAVDESS = { neutral: '01-01-01-01-02-01-05.mp4', happy: '01-01-03-01-01-02-05.mp4', fearful: '01-01-06-02-02-02-05.mp4' };

interface Analysed {
  frames: FrameObservations[];
  tracks: FaceTrack[];
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
const score = (frames: FrameObservations[], name: string): number[] =>
  frames.flatMap((f) => f.faces.map((face) => face.blendshapes[BLENDSHAPE_NAMES.indexOf(name as (typeof BLENDSHAPE_NAMES)[number])]!));
const withFace = (frames: FrameObservations[]): number => frames.filter((f) => f.faces.length > 0).length;

describe('Chromium vision engine on real video', { timeout: 600_000 }, () => {
  let engine: VisionEngine;
  const work = scratch('vision-faces');
  const cache = new Map<string, Promise<Analysed>>();

  async function analyse(file: string, maxSide = 480): Promise<Analysed> {
    const frames: FrameObservations[] = [];
    const tracker = new FaceTracker();
    await runVisionStage(decodeVideoFrames(file, { fps: 5, maxSide }), engine, (result) => {
      frames.push(result);
      tracker.push(result);
    });
    return { frames, tracks: tracker.tracks() };
  }
  const analysed = (file: string): Promise<Analysed> => {
    if (!cache.has(file)) cache.set(file, analyse(file));
    return cache.get(file)!;
  };

  beforeAll(async () => {
    engine = await startChromiumVision({ models: MODELS });
  });
  afterAll(async () => {
    await engine.close();
    work.remove();
  });

  for (const [label, name] of [...Object.entries(RAVDESS), ['Pexels close-up', 'WolfgangLanger_Pexels.mp4']] as const) {
    it(`finds one face in nearly every frame of the ${label} clip and tracks it as one person`, async () => {
      const { frames, tracks } = await analysed(video(name));
      assert.ok(frames.length >= 15, `only ${frames.length} frames analysed`);
      assert.ok(withFace(frames) >= 0.9 * frames.length, `a face in ${withFace(frames)} of ${frames.length} frames`);
      assert.deepEqual(tracks.map((t) => t.personId), ['p1']);
      assert.deepEqual(tracks[0]!.t, frames.map((f) => f.t));
      assert.equal(tracks[0]!.presence.filter((p) => p === 1).length, withFace(frames));
    });
  }

  it('answers each frame with its own time, in order, with 52 blendshapes in [0, 1]', async () => {
    const { frames } = await analysed(video('WolfgangLanger_Pexels.mp4'));
    frames.forEach((f, i) => i > 0 && assert.ok(f.t > frames[i - 1]!.t));
    // The clip is 19.7 s at 5 analysed frames a second.
    assert.ok(Math.abs(frames.length - 99) <= 1, `${frames.length} frames`);
    for (const face of frames.flatMap((f) => f.faces)) {
      assert.equal(face.blendshapes.length, 52);
      assert.ok(face.blendshapes.every((s) => s >= 0 && s <= 1));
      assert.ok(face.box.w > 0.05 && face.box.h > 0.05 && face.box.x + face.box.w <= 1 && face.box.y + face.box.h <= 1);
    }
  });

  it('gives most faces their own body: nose on the face, shoulders below it and the right way round', async () => {
    for (const name of [RAVDESS.neutral, 'multi_face.avi']) {
      const { frames } = await analysed(video(name));
      let [faces, bodies, confident] = [0, 0, 0];
      // Bodies are looked for 5/3 times a second: every third frame at 5 frames a second.
      const withBodies = frames.filter((f) => f.bodies !== null);
      assert.ok(Math.abs(withBodies.length - frames.length / 3) <= 1, `${name}: bodies looked for in ${withBodies.length} of ${frames.length} frames`);
      for (const frame of withBodies) {
        const found = frame.bodies!;
        const owners = found.map((b) => b.face);
        assert.ok(owners.every((face, i) => face < frame.faces.length && (i === 0 || face > owners[i - 1]!)), `${name} at ${frame.t} s: bodies of faces ${owners.join(', ')}`);
        faces += frame.faces.length;
        bodies += found.length;
        for (const body of found) {
          const { box } = frame.faces[body.face]!;
          const [nose, left, right] = (['nose', 'leftShoulder', 'rightShoulder'] as const).map((k) => keypoint(body.keypoints, k));
          if (nose!.score < 0.3 || left!.score < 0.3 || right!.score < 0.3) continue;
          confident++;
          const at = `${name} at ${frame.t} s`;
          assert.ok(nose!.x > box.x && nose!.x < box.x + box.w && nose!.y > box.y && nose!.y < box.y + box.h, `${at}: nose ${nose!.x.toFixed(2)},${nose!.y.toFixed(2)} off the face`);
          for (const shoulder of [left!, right!]) assert.ok(shoulder.y > nose!.y + box.h * 0.3, `${at}: a shoulder at ${shoulder.y.toFixed(2)}, nose at ${nose!.y.toFixed(2)}`);
          // MoveNet's left is the person's left: on the right of the picture of someone facing the camera.
          assert.ok(left!.x > right!.x, `${at}: shoulders swapped`);
        }
      }
      assert.ok(bodies >= 0.8 * faces, `${name}: a body for ${bodies} of ${faces} faces`);
      assert.ok(confident >= 0.3 * bodies, `${name}: nose and shoulders clear in only ${confident} of ${bodies} bodies`);
    }
  });

  it('reads the RAVDESS actor, who faces the camera, as facing it: |yaw| and |pitch| under 30°', async () => {
    for (const name of Object.values(RAVDESS)) {
      const { frames } = await analysed(video(name));
      for (const face of frames.flatMap((f) => f.faces)) {
        assert.ok(Math.abs(face.yawDeg) < 30 && Math.abs(face.pitchDeg) < 30, `${name}: yaw ${face.yawDeg}, pitch ${face.pitchDeg}`);
        assert.ok(Math.abs(face.rollDeg) < 30, `${name}: roll ${face.rollDeg}`);
      }
    }
  });

  it('scores the happy clip’s smile far above the neutral clip’s (by at least a quarter of the scale)', async () => {
    const happy = (await analysed(video(RAVDESS.happy))).frames;
    const neutral = (await analysed(video(RAVDESS.neutral))).frames;
    for (const side of ['mouthSmileLeft', 'mouthSmileRight']) {
      const [h, n] = [mean(score(happy, side)), mean(score(neutral, side))];
      assert.ok(h >= n + 0.25, `${side}: happy ${h.toFixed(3)}, neutral ${n.toFixed(3)}`);
    }
  });

  it('gives the people of multi_face.avi two stable ids, never more', async () => {
    const { frames, tracks } = await analysed(video('multi_face.avi'));
    assert.deepEqual(tracks.map((t) => t.personId), ['p1', 'p2']);
    assert.ok(frames.some((f) => f.faces.length === 2), 'two faces are never seen together');
    for (const track of tracks) assert.equal(track.t.length, frames.length);
    // The man in the foreground is in every frame: he must not be split between the two ids.
    const foreground = tracks.find((t) => t.presence.filter((p) => p === 1).length >= 0.9 * frames.length);
    assert.ok(foreground, `presence per person: ${tracks.map((t) => t.presence.filter((p) => p === 1).length).join(', ')} of ${frames.length}`);
  });

  it('starts each recording afresh on a reused engine: no face is carried over from the last one', async () => {
    // At 320 px, MediaPipe's frame-to-frame tracking once carried a face from multi_face.avi's last
    // frame into default.wmv's first, where it became a one-frame "person" p1.
    await analyse(video('multi_face.avi'), 320);
    const { frames, tracks } = await analyse(video('default.wmv'), 320);
    assert.deepEqual(tracks.map((t) => t.personId), ['p1']);
    assert.equal(tracks[0]!.presence.filter((p) => p === 1).length, withFace(frames));
    assert.ok(withFace(frames) >= 0.9 * frames.length);
  });

  it('follows the head-angle convention: turning the picture anticlockwise adds roll, mirroring it negates yaw and roll', async () => {
    // ffmpeg's rotate turns clockwise for a positive angle; -15° turns the picture (and the head in it) anticlockwise.
    const upright = `${work.dir}/upright.mp4`;
    const tilted = `${work.dir}/tilted.mp4`;
    const mirrored = `${work.dir}/mirrored.mp4`;
    const source = video(RAVDESS.neutral);
    ffmpeg('-i', source, '-an', '-vf', 'scale=480:-2', '-c:v', 'libx264', '-crf', '12', upright);
    ffmpeg('-i', source, '-an', '-vf', 'scale=480:-2,rotate=-15*PI/180', '-c:v', 'libx264', '-crf', '12', tilted);
    ffmpeg('-i', source, '-an', '-vf', 'scale=480:-2,hflip', '-c:v', 'libx264', '-crf', '12', mirrored);
    const [a, b, c] = [await analyse(upright), await analyse(tilted), await analyse(mirrored)];
    const pairs = a.frames.flatMap((f, i) => {
      const [u, t, m] = [f.faces[0], b.frames[i]?.faces[0], c.frames[i]?.faces[0]];
      return u && t && m ? [{ u, t, m }] : [];
    });
    assert.ok(pairs.length >= 10, `only ${pairs.length} frames with a face in all three versions`);
    const rollGain = mean(pairs.map(({ u, t }) => t.rollDeg - u.rollDeg));
    assert.ok(Math.abs(rollGain - 15) < 3, `turning the picture 15° anticlockwise changed roll by ${rollGain.toFixed(1)}°`);
    for (const { u, m } of pairs) {
      assert.ok(Math.abs(m.yawDeg + u.yawDeg) < 3, `yaw ${u.yawDeg.toFixed(1)}° mirrored to ${m.yawDeg.toFixed(1)}°`);
      assert.ok(Math.abs(m.rollDeg + u.rollDeg) < 3, `roll ${u.rollDeg.toFixed(1)}° mirrored to ${m.rollDeg.toFixed(1)}°`);
      assert.ok(Math.abs(m.pitchDeg - u.pitchDeg) < 3, `pitch ${u.pitchDeg.toFixed(1)}° mirrored to ${m.pitchDeg.toFixed(1)}°`);
    }
  });
});
