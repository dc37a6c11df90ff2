/**
 * The body channel on real recordings, through the real CLI (real ffmpeg, MediaPipe and MoveNet in
 * headless Chromium). What each clip shows was read off its frames by eye (../shared/media/MANIFEST.md
 * and a contact sheet at 1 frame a second): the Pexels woman holds a hand to her mouth, nose or cheek
 * from about 2 s to 9.5 s and not after 10 s; no one in the other clips touches their face.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Analysis, BodyTrack } from '../../lib/analysis/types.ts';
import { UPPER_BODY_KEYPOINTS } from '../../lib/body/body-track.ts';
import { runCli } from '../helpers/cli.ts';
import { scratch, video } from '../helpers/paths.ts';
import { assertValidAnalysis } from '../helpers/schema.ts';

const work = scratch('body-track');
const analyses = new Map<string, Analysis>();
const CLIPS = ['WolfgangLanger_Pexels.mp4', 'multi_face.avi', 'default.wmv', '01-01-01-01-02-01-05.mp4', '01-01-06-02-02-02-05.mp4'];

beforeAll(async () => {
  for (const [i, clip] of CLIPS.entries()) {
    const out = join(work.dir, `out-${i}`);
    const run = await runCli(['analyze', video(clip), '--out', out, '--quiet'], out);
    assert.equal(run.code, 0, run.stderr);
    assertValidAnalysis(run.analysis);
    analyses.set(clip, run.analysis);
  }
});
afterAll(() => work.remove());

const bodies = (clip: string): BodyTrack[] => analyses.get(clip)!.tracks.body ?? [];
const valuesBetween = (track: BodyTrack, series: (number | null)[], from: number, to: number): (number | null)[] =>
  track.t.flatMap((t, i) => (t >= from && t < to ? [series[i] ?? null] : []));
/** The share of body frames (a hand seen or not) whose value is `of`. */
const share = (values: (number | null)[], of: number): number => values.filter((v) => v === of).length / Math.max(1, values.length);
const median = (values: (number | null)[]): number => {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

describe('body tracks on real recordings', { timeout: 600_000 }, () => {
  it('gives every tracked face a body track with the same person id and frame times, keypoints and cues', () => {
    for (const clip of CLIPS) {
      const analysis = analyses.get(clip)!;
      assert.deepEqual(bodies(clip).map((b) => b.personId), analysis.tracks.face.map((f) => f.personId), clip);
      for (const [i, body] of bodies(clip).entries()) {
        const face = analysis.tracks.face[i]!;
        // Bodies are looked for at every third analysed frame (5/3 a second).
        assert.ok(body.t.every((t) => face.t.includes(t)), `${clip}: body frames that are not analysed frames`);
        assert.ok(Math.abs(body.t.length - face.t.length / 3) <= 1, `${clip}: ${body.t.length} body frames of ${face.t.length}`);
        assert.deepEqual(Object.keys(body.keypoints), [...UPPER_BODY_KEYPOINTS]);
        // A body is only ever found with its face.
        body.presence.forEach((p, j) => p === 1 && assert.equal(face.presence[face.t.indexOf(body.t[j]!)], 1, `${clip} at ${body.t[j]} s`));
        for (const series of [body.motionEnergy, body.shoulderTiltDeg, body.noseAboveShoulders, body.shoulderWidth, body.selfTouch, body.fidgeting]) {
          assert.equal(series.length, body.t.length);
          series.forEach((v, j) => v !== null && assert.equal(body.presence[j], 1, `${clip}: a cue where no body was found`));
        }
      }
      assert.ok(analysis.analysis.models.some((m) => m.name === 'movenet_lightning'), 'the body model is recorded');
    }
  });

  it('finds a body for most frames with a face', () => {
    for (const clip of CLIPS) {
      for (const [i, body] of bodies(clip).entries()) {
        const face = analyses.get(clip)!.tracks.face[i]!;
        const faces = body.t.filter((t) => face.presence[face.t.indexOf(t)] === 1).length;
        const found = body.presence.filter((p) => p === 1).length;
        if (faces >= 20) assert.ok(found >= 0.7 * faces, `${clip} ${body.personId}: a body in ${found} of ${faces} frames with the face`);
      }
    }
  });

  it('sees the Pexels woman’s hand at her face while she cries (3–9 s), and not while she laughs (10.5 s on)', () => {
    const [woman] = bodies('WolfgangLanger_Pexels.mp4');
    // Body frames where the body was found; null selfTouch (no hand seen) counts as not found.
    const found = (from: number, to: number): (number | null)[] => valuesBetween(woman!, woman!.selfTouch, from, to).filter((_, i) => valuesBetween(woman!, woman!.presence, from, to)[i] === 1);
    const [crying, laughing] = [found(3, 9), found(10.5, 20)];
    assert.ok(crying.length >= 10 && laughing.length >= 15, `bodies in ${crying.length} crying and ${laughing.length} laughing frames`);
    assert.ok(share(crying, 1) >= 0.4, `hand at face in ${(share(crying, 1) * 100).toFixed(0)} % of the crying frames (${crying.join(',')})`);
    assert.ok(share(laughing, 1) <= 0.1, `hand at face in ${(share(laughing, 1) * 100).toFixed(0)} % of the laughing frames (${laughing.join(',')})`);
  });

  it('sees no self-touch where no one touches themselves (RAVDESS, the webcam clip, multi_face.avi)', () => {
    for (const clip of CLIPS.slice(1)) {
      for (const body of bodies(clip)) {
        const bodyFrames = body.selfTouch.filter((_, i) => body.presence[i] === 1);
        assert.ok(share(bodyFrames, 1) <= 0.1, `${clip} ${body.personId}: self-touch in ${(share(bodyFrames, 1) * 100).toFixed(0)} % of body frames`);
      }
    }
  });

  it('marks the Pexels woman’s hand at her face in the first seconds and not after 10.5 s, and no one else’s', () => {
    const touches = (clip: string) => analyses.get(clip)!.markers.filter((m) => m.kind === 'self-touch');
    const pexels = touches('WolfgangLanger_Pexels.mp4');
    assert.ok(pexels.some((m) => m.startSec < 9 && m.endSec - m.startSec >= 1), `self-touch markers: ${pexels.map((m) => `${m.startSec}–${m.endSec} s`).join(', ')}`);
    assert.ok(pexels.every((m) => m.startSec < 10.5 && m.modality.join() === 'body'));
    for (const clip of CLIPS.slice(1)) assert.deepEqual(touches(clip), [], clip);
  });

  it('measures the men walking about in multi_face.avi as moving more than the man sitting still in the webcam clip', () => {
    const walking = bodies('multi_face.avi').map((b) => median(b.motionEnergy));
    const sitting = median(bodies('default.wmv')[0]!.motionEnergy);
    assert.ok(Math.max(...walking) > 1.5 * sitting, `median motion energy: multi_face ${walking.map((v) => v.toFixed(2)).join(', ')}, webcam ${sitting.toFixed(2)} face-heights/s`);
  });

  it('measures movement in the picture (MEA) at every analysed frame, and agrees with the keypoints on who moves more', () => {
    for (const clip of CLIPS) {
      for (const face of analyses.get(clip)!.tracks.face) {
        const motion = face.regionMotion!;
        assert.equal(motion.length, face.t.length, clip);
        motion.forEach((v, i) => v !== null && assert.ok(face.presence[i] === 1 && v >= 0 && v <= 1, `${clip} at ${face.t[i]} s: ${v}`));
        assert.ok(motion.filter((v) => v !== null).length >= 0.5 * face.presence.filter((p) => p === 1).length, `${clip}: MEA at most face frames`);
      }
    }
    // The same comparison as the keypoints' above, by another means: no pose model, only changed pixels.
    const walking = analyses.get('multi_face.avi')!.tracks.face.map((f) => median(f.regionMotion!));
    const sitting = median(analyses.get('default.wmv')!.tracks.face[0]!.regionMotion!);
    process.stdout.write(`# MEA median: multi_face ${walking.map((v) => v.toFixed(3)).join(', ')}, webcam ${sitting.toFixed(3)}\n`);
    assert.ok(Math.max(...walking) > 1.5 * sitting, `median MEA: multi_face ${walking.map((v) => v.toFixed(3)).join(', ')}, webcam ${sitting.toFixed(3)}`);
  });

  it('follows all three men of multi_face.avi when told there are three, and the two standing move more than the one sitting', async (context) => {
    const out = join(work.dir, 'three');
    const run = await runCli(['analyze', video('multi_face.avi'), '--out', out, '--people', '3', '--quiet'], out);
    assert.equal(run.code, 0, run.stderr);
    assertValidAnalysis(run.analysis);
    const analysis = run.analysis as Analysis;
    assert.equal(analysis.analysis.settings.maxFaces, 3);
    assert.equal(analysis.tracks.face.length, 3, 'three people');
    // The man sitting in the foreground has his head far lower in the picture than the two standing behind him.
    const people = analysis.tracks.body!.map((b) => ({ id: b.personId, noseY: median(b.keypoints.nose!.y), energy: median(b.motionEnergy) }));
    const [seated, ...standing] = [...people].sort((a, b) => b.noseY - a.noseY) as [(typeof people)[0], ...typeof people];
    await context.annotate(`median motion energy, face-heights/s: seated ${seated.energy.toFixed(2)}, standing ${standing.map((p) => p.energy.toFixed(2)).join(', ')}`);
    for (const person of standing) assert.ok(person.energy > seated.energy, `${person.id} (standing) ${person.energy.toFixed(2)} vs ${seated.id} (seated) ${seated.energy.toFixed(2)}`);
  });
});
