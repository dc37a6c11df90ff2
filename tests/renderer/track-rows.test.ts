import assert from 'node:assert/strict';
import { test } from 'vitest';
import type { Analysis } from '../../lib/analysis/types.ts';
import { BLENDSHAPE_NAMES } from '../../lib/vision/blendshapes.ts';
import { trackRows } from '../../renderer/timeline/track-rows.ts';

/** 100 face frames where only the smile moves (between `low` and `high`), and 100 voice frames. */
function analysis(low: number, high: number): Analysis {
  const t = Array.from({ length: 100 }, (_, i) => i / 5);
  const wave = t.map((_, i) => low + ((high - low) * (i % 10)) / 9);
  const blendshapes = Object.fromEntries(BLENDSHAPE_NAMES.map((name) => [name, name.startsWith('mouthSmile') ? wave : t.map(() => 0.02)]));
  const voiceT = Array.from({ length: 100 }, (_, i) => i / 100);
  return {
    format: 'attune-analysis',
    version: 1,
    source: { file: 'x.mp4', sha256: '', durationSec: 20, video: null, audio: null },
    analysis: { createdAt: '', app: '', models: [], settings: {} },
    people: [{ id: 'p1', role: 'client' }],
    tracks: {
      face: [{ personId: 'p1', t, headYawDeg: t.map(() => 0), headPitchDeg: t.map(() => 0), headRollDeg: t.map(() => 0), blendshapes, presence: t.map(() => 1) }],
      voice: [{ personId: null, t: voiceT, f0Hz: voiceT.map((_, i) => (i % 2 ? null : 120 + i)), loudnessDb: voiceT.map(() => -30), speech: voiceT.map(() => 1) }],
    },
    markers: [],
  };
}

const rangeOf = (a: Analysis, key: string) => trackRows(a, 'p1').find((r) => r.signal.key === key)!.range;

test('a face score is drawn over this person’s own range, so a small smile is not flat', () => {
  const [lo, hi] = rangeOf(analysis(0.05, 0.35), 'smile')!;
  assert.ok(Math.abs(lo - 0.05) < 0.01 && Math.abs(hi - 0.35) < 0.01, `${lo}..${hi}`);
});

test('a face that barely moves gets at least a tenth of the scale, inside 0..1', () => {
  const [lo, hi] = rangeOf(analysis(0.5, 0.52), 'smile')!;
  assert.ok(Math.abs(hi - lo - 0.1) < 1e-9);
  const [flatLo, flatHi] = rangeOf(analysis(0, 0), 'browRaise')!;
  assert.deepEqual([flatLo, flatHi].map((v) => Math.round(v * 1000) / 1000), [0, 0.1]);
});

test('voice rows come from the unattributed voice track; speech keeps its on/off scale', () => {
  const rows = trackRows(analysis(0, 1), 'p1');
  assert.deepEqual(rows.map((r) => r.signal.key), ['smile', 'browLower', 'browRaise', 'gazeAway', 'headMovement', 'pitch', 'loudness', 'speech']);
  assert.deepEqual(rows.find((r) => r.signal.key === 'speech')!.range, [0, 1]);
  assert.equal(rows.find((r) => r.signal.key === 'loudness')!.range![0], -31);
});

test('the pair’s synchrony rows follow a person’s own rows; an older analysis without them opens as before', () => {
  const older = analysis(0.05, 0.35);
  assert.ok(trackRows(older, 'p1').every((r) => r.group !== 'interaction'));
  const t = [5, 6, 7];
  const withPair: Analysis = {
    ...older,
    tracks: {
      ...older.tracks,
      interaction: [{ kind: 'head-movement-synchrony', personIds: ['p1', 'p2'], t, synchronyZ: [1.2, null, 0.1], lagSec: [0.4, null, 0], aboveChance: [1, 0, 0],
        chanceZ: 0.8, surrogateMeanZ: 0.4, settings: { windowSec: 10, stepSec: 1, maxLagSec: 2, surrogates: 20 } }],
    },
  };
  const pairRows = trackRows(withPair, 'p1').filter((r) => r.group === 'interaction');
  assert.deepEqual(pairRows.map((r) => r.signal.key), ['synchrony', 'synchronyAboveChance']);
  assert.deepEqual(pairRows[0]!.signal.values, [Math.tanh(1.2), null, Math.tanh(0.1)]);
  assert.equal(trackRows(withPair, 'p3').filter((r) => r.group === 'interaction').length, 0, 'not shown for someone outside the pair');
});

test('with speakers told apart, a person’s rows are their own voice, then a turn lane for each other speaker', () => {
  const base = analysis(0.05, 0.35);
  const [room] = base.tracks.voice;
  const own = { ...room!, personId: 'p1' };
  const offCamera = { ...room!, personId: 'v1', speech: room!.speech.map((_, i) => (i < 50 ? 1 : 0)) };
  const split: Analysis = {
    ...base,
    people: [...base.people, { id: 'v1', role: 'unknown', offCamera: true }],
    tracks: { ...base.tracks, voice: [own, offCamera] },
  };
  const rows = trackRows(split, 'p1');
  assert.equal(rows.find((r) => r.signal.key === 'speech')!.signal.values, own.speech);
  const lane = rows.find((r) => r.signal.key === 'turns:v1')!;
  assert.equal(lane.signal.label, 'Voice off camera speaking');
  assert.equal(lane.signal.values, offCamera.speech);
  const asTherapist = trackRows({ ...split, people: [split.people[0]!, { id: 'v1', role: 'therapist', offCamera: true }] }, 'p1');
  assert.equal(asTherapist.find((r) => r.signal.key === 'turns:v1')!.signal.label, 'Therapist speaking');
});

test('body rows follow the face rows when the analysis has the person’s body; self-touch is an on/off band', () => {
  const base = analysis(0.05, 0.35);
  assert.ok(trackRows(base, 'p1').every((r) => r.group !== 'body'), 'an analysis made before the body channel has no body rows');
  const t = [0, 0.4, 0.8, 1.2];
  const body = {
    personId: 'p1', t, presence: [1, 1, 1, 0], keypoints: {},
    motionEnergy: [null, 0.1, 0.3, null], shoulderTiltDeg: [0, 1, 2, null], noseAboveShoulders: [0.8, 0.75, 0.7, null],
    shoulderWidth: [1.5, 1.5, 1.5, null], selfTouch: [null, 1, 0, null], fidgeting: [null, null, null, null],
  };
  const rows = trackRows({ ...base, tracks: { ...base.tracks, body: [body] } }, 'p1');
  assert.deepEqual(rows.map((r) => `${r.group}:${r.signal.key}`).slice(4, 9), ['face:headMovement', 'body:bodyMovement', 'body:selfTouch', 'body:headAboveShoulders', 'voice:pitch']);
  const touch = rows.find((r) => r.signal.key === 'selfTouch')!;
  assert.equal(touch.signal.draw, 'band');
  // No hand in view counts as no touch; no body found is unknown.
  assert.deepEqual(touch.signal.values, [0, 1, 0, null]);
  assert.deepEqual(rows.find((r) => r.signal.key === 'bodyMovement')!.range, [0.1, 0.3]);
  assert.equal(trackRows({ ...base, tracks: { ...base.tracks, body: [body] } }, 'p2').filter((r) => r.group === 'body').length, 0);
});

test('movement in the picture (MEA) is a body row, as a percentage of the region, also without a body track', () => {
  const base = analysis(0.05, 0.35);
  const [face, ...others] = base.tracks.face;
  const withMotion = { ...base, tracks: { ...base.tracks, face: [{ ...face!, regionMotion: face!.t.map((_, i) => (i === 0 ? null : 0.125)) }, ...others] } };
  const rows = trackRows(withMotion, 'p1').filter((r) => r.group === 'body');
  assert.deepEqual(rows.map((r) => r.signal.key), ['pictureMovement']);
  assert.deepEqual(rows[0]!.signal.values.slice(0, 2), [null, 12.5]);
  assert.equal(rows[0]!.signal.unit, '% of region');
});
