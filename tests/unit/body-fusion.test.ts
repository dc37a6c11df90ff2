/** Body cues in fusion: lasting shifts in movement and posture, and self-touch events, from known body tracks. */
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { evidenceLines, kindWords } from '../../lib/analysis/marker-words.ts';
import type { BodyTrack } from '../../lib/analysis/types.ts';
import { touchRuns } from '../../lib/body/touch-runs.ts';
import { analyseFusion } from '../../lib/fusion/detect-markers.ts';
import { resolveOptions } from '../../lib/fusion/options.ts';
import { touchMarkers } from '../../lib/fusion/touch-markers.ts';
import { faceTrack } from '../helpers/fusion-synthetic.ts';

/** Deterministic noise in [-1, 1) (a small LCG), so every run sees the same "jitter". */
function noise(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return (state / 2147483648) * 2 - 1;
  };
}

/** A body track at 2.5 frames a second; `at(t)` gives each frame's cues, or null when the body is not found. */
function bodyTrack(durationSec: number, at: (t: number) => Partial<Record<'motionEnergy' | 'selfTouch' | 'noseAboveShoulders', number | null>> | null): BodyTrack {
  const t = Array.from({ length: Math.floor(durationSec * 2.5) }, (_, i) => Math.round(i * 400) / 1000);
  const frames = t.map(at);
  const column = (name: 'motionEnergy' | 'selfTouch' | 'noseAboveShoulders') => frames.map((f) => (f ? (f[name] ?? null) : null));
  const none = t.map(() => null);
  return {
    personId: 'p1',
    t,
    presence: frames.map((f) => (f ? 1 : 0)),
    keypoints: {},
    motionEnergy: column('motionEnergy'),
    shoulderTiltDeg: none,
    noseAboveShoulders: column('noseAboveShoulders'),
    shoulderWidth: none,
    selfTouch: column('selfTouch'),
    fidgeting: none,
  };
}

/** Frames (index) → touching; others are seen without a touch, or absent when listed in `absent`. */
const touching = (touch: number[], absent: number[] = []) => (t: number) => {
  const i = Math.round(t / 0.4);
  if (absent.includes(i)) return null;
  return { selfTouch: touch.includes(i) ? 1 : 0 };
};

const options = resolveOptions();

describe('self-touch runs', () => {
  it('keeps a touch seen in two or more body frames, bridges one missed frame, and drops a lone frame', () => {
    const track = bodyTrack(20, touching([3, 10, 11, 13, 14, 30]));
    assert.deepEqual(touchRuns(track).map((r) => [r.first, r.last, r.seen, r.observed]), [[10, 14, 4, 5]]);
  });

  it('ends a touch after two frames without one, and counts frames without the body as not observed', () => {
    const track = bodyTrack(20, touching([5, 6, 9, 10, 12], [11]));
    assert.deepEqual(touchRuns(track).map((r) => [r.first, r.last, r.seen, r.observed]), [[5, 6, 2, 2], [9, 12, 3, 3]]);
  });

  it('counts a frame where no hand is in view as no touch (the hand is not at a face in view)', () => {
    const track = bodyTrack(20, (t) => ({ selfTouch: t >= 4 && t < 6 ? 1 : null }));
    const [marker] = touchMarkers(track, 20, 3, options);
    assert.equal(marker?.cues[0]?.before, 0);
    assert.equal(marker?.cues[0]?.after, 1);
  });
});

describe('self-touch markers', () => {
  it('marks a touch with its span, the share of time before and during, and brief when it is short', () => {
    const track = bodyTrack(30, touching([25, 26, 27, 40, 41, 42, 43, 44, 45, 46, 47]));
    const markers = touchMarkers(track, 30, 3, options);
    assert.deepEqual(markers.map((m) => [m.startSec, m.endSec, m.kind, m.modality, m.missedBecause]), [
      [10, 11.2, 'self-touch', ['body'], ['brief']],
      [16, 19.2, 'self-touch', ['body'], undefined],
    ]);
    assert.deepEqual(markers[1]!.cues, [{ feature: 'selfTouch', before: 0, after: 1, z: 4, measure: 'share' }]);
    assert.ok(markers[1]!.score > markers[0]!.score, 'a touch seen in more frames scores higher');
    assert.equal(markers[0]!.summary, 'Brief (1.2 s): hand at the face, neck or arm');
    assert.equal(kindWords('self-touch'), 'Hand to face, neck or arm');
    assert.deepEqual(evidenceLines(markers[1]!.cues), [
      'Time with a hand at the face, neck or arm rose: 0% → 100% of the time — far outside what is usual for this person (a change about 4.0 times their usual variation).',
    ]);
  });

  it('makes no marker for a person whose hand is at their face most of the session', () => {
    const frames = Array.from({ length: 75 }, (_, i) => i).filter((i) => i % 10 !== 0);
    assert.deepEqual(touchMarkers(bodyTrack(30, touching(frames)), 30, 3, options), []);
  });
});

describe('body cues in fusion', () => {
  const jitter = noise(7);
  const still = (t: number) => ({ motionEnergy: 0.08 + 0.03 * jitter(), noseAboveShoulders: 0.8 + 0.02 * jitter(), selfTouch: t < 0 ? 1 : 0 });

  it('marks a lasting rise in body movement as a body shift, with its evidence in face-heights a second', () => {
    const track = bodyTrack(60, (t) => (t < 30 ? still(t) : { ...still(t), motionEnergy: 0.5 + 0.1 * jitter() }));
    const { markers, timelines } = analyseFusion({ face: [], body: [track], voice: [], durationSec: 60 });
    const body = markers.filter((m) => m.modality.includes('body'));
    assert.equal(body.length, 1, JSON.stringify(markers));
    assert.equal(body[0]!.kind, 'shift');
    assert.ok(Math.abs(body[0]!.changeSec! - 30) <= 1, `at ${body[0]!.changeSec} s`);
    assert.match(body[0]!.summary, /^Body moved more/);
    assert.match(evidenceLines(body[0]!.cues)[0]!, /^Body movement rose: 0\.\d\d → 0\.\d\d face-heights a second — /);
    assert.ok(timelines[0]!.cueZ.bodyMovement, 'the timeline gets the cue’s z-series');
  });

  it('finds nothing in a body that only jitters about its usual level', () => {
    const track = bodyTrack(120, still);
    assert.deepEqual(analyseFusion({ face: [], body: [track], voice: [], durationSec: 120 }).markers, []);
  });

  it('leaves analyses without body tracks as they were', () => {
    const track = bodyTrack(60, (t) => (t < 30 ? still(t) : { ...still(t), motionEnergy: 0.5 }));
    const input = { face: [], voice: [], durationSec: 60 };
    assert.deepEqual(analyseFusion({ ...input, body: [] }), analyseFusion(input));
    assert.notDeepEqual(analyseFusion({ ...input, body: [track] }).markers, []);
  });
});

describe('movement in the picture (regionMotion) in fusion', () => {
  /** A face track whose region moves `level(t)` of its area per frame, with camera-noise jitter. */
  const withMotion = (durationSec: number, level: (t: number) => number) => {
    const track = faceTrack({ durationSec, seed: 11 });
    const jitter = noise(3);
    return { ...track, regionMotion: track.t.map((t) => Math.max(0, level(t) + 0.01 * jitter())) };
  };

  it('marks a lasting rise in movement in the picture as a body shift, in % of their part of the picture', () => {
    const track = withMotion(120, (t) => (t < 60 ? 0.02 : 0.12));
    const { markers, timelines } = analyseFusion({ face: [track], body: [], voice: [], durationSec: 120 });
    const moved = markers.filter((m) => m.cues.some((c) => c.feature === 'regionMotion'));
    assert.equal(moved.length, 1, JSON.stringify(markers.map((m) => m.summary)));
    assert.deepEqual(moved[0]!.modality, ['body']);
    assert.ok(Math.abs(moved[0]!.changeSec! - 60) <= 1, `at ${moved[0]!.changeSec} s`);
    assert.match(moved[0]!.summary, /Moved more in the picture/i);
    assert.match(evidenceLines(moved[0]!.cues.filter((c) => c.feature === 'regionMotion'))[0]!, /^Movement in the picture rose: \d\.\d → 1\d\.\d% of their part of the picture changing — /);
    assert.ok(timelines[0]!.cueZ.movementInPicture, 'the timeline gets the cue’s z-series');
  });

  it('finds nothing in a region that only jitters about its usual level, nor in a track without the measure', () => {
    const still = withMotion(240, () => 0.03);
    assert.deepEqual(analyseFusion({ face: [still], body: [], voice: [], durationSec: 240 }).markers.filter((m) => m.modality.includes('body')), []);
    const { regionMotion: _none, ...older } = withMotion(120, (t) => (t < 60 ? 0.02 : 0.12));
    assert.deepEqual(analyseFusion({ face: [older], body: [], voice: [], durationSec: 120 }).markers.filter((m) => m.modality.includes('body')), []);
  });
});
