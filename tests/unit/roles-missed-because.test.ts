/** "Why this was easy to miss" from the therapist's own tracks, on synthetic tracks with a known answer. */
import assert from 'node:assert/strict';
import { test } from 'vitest';
import type { Analysis, FaceTrack, Marker, VoiceTrack } from '../../lib/analysis/types.ts';
import { applyRoles } from '../../lib/roles/apply-roles.ts';
import { missedBecause } from '../../lib/roles/missed-because.ts';

const DURATION = 60;
const marker = (personId: string, startSec: number, endSec: number, kind = 'shift'): Marker => ({
  id: 'm1', startSec, endSec, personId, modality: ['face'], kind, score: 0.7, summary: 'smiling less', cues: [{ feature: 'mouthSmileLeft', before: 0.4, after: 0.1, z: -3 }],
});

function therapistFace(at: (t: number) => { yaw?: number; smile?: number } = () => ({})): FaceTrack {
  const t = Array.from({ length: DURATION * 5 }, (_, i) => i / 5);
  return {
    personId: 'p2',
    t,
    headYawDeg: t.map((ti) => at(ti).yaw ?? 2 * Math.sin(ti)),
    headPitchDeg: t.map((ti) => Math.cos(ti)),
    headRollDeg: t.map(() => 0),
    blendshapes: { mouthSmileLeft: t.map((ti) => at(ti).smile ?? 0.2 + 0.02 * Math.sin(3 * ti)), jawOpen: t.map(() => 0.05) },
    presence: t.map(() => 1),
  };
}

function voiceOf(personId: string, speaking: (t: number) => boolean): VoiceTrack {
  const t = Array.from({ length: DURATION * 100 }, (_, i) => Math.round(i) / 100);
  return {
    personId,
    t,
    f0Hz: t.map((ti) => (speaking(ti) ? 120 : null)),
    loudnessDb: t.map((ti) => (speaking(ti) ? -25 : null)),
    speech: t.map((ti) => (speaking(ti) ? 1 : 0)),
  };
}

const reasons = (m: Marker, face: FaceTrack | null, voice: VoiceTrack | null, client: VoiceTrack | null = null) =>
  missedBecause(m, { face, voice }, client).map((e) => e.reason);

test('therapist-speaking: the therapist held the turn when the shift began, not when the client did', () => {
  const talksAt30 = voiceOf('p2', (t) => t >= 28 && t < 33);
  assert.ok(reasons(marker('p1', 30, 36), therapistFace(), talksAt30).includes('therapist-speaking'));
  assert.ok(!reasons(marker('p1', 20, 26), therapistFace(), talksAt30).includes('therapist-speaking'));
  const clientTalksToo = voiceOf('p1', (t) => t >= 29 && t < 31);
  const both = missedBecause(marker('p1', 30, 36), { face: therapistFace(), voice: talksAt30 }, clientTalksToo);
  assert.ok(!both.some((e) => e.reason === 'therapist-speaking'), 'an equal share is not holding the turn');
  // A shift's stretch starts before the change itself; its change point decides.
  const shift = { ...marker('p1', 25, 35), changeSec: 30 };
  assert.ok(reasons(shift, therapistFace(), talksAt30).includes('therapist-speaking'));
  assert.ok(!reasons({ ...shift, changeSec: 26 }, therapistFace(), talksAt30).includes('therapist-speaking'));
});

test('therapist-looking-away: head turned 30° from their usual direction for most of the shift, with its evidence', () => {
  const away = therapistFace((t) => (t >= 40 && t < 44 ? { yaw: 30 } : {}));
  const [evidence] = missedBecause(marker('p1', 40, 44), { face: away, voice: null }, null).filter((e) => e.reason === 'therapist-looking-away');
  assert.ok(evidence, 'looking away found');
  assert.equal(evidence.startSec, 40);
  assert.match(evidence.text, /head turned aside/);
  assert.ok(!reasons(marker('p1', 20, 24), away, null).includes('therapist-looking-away'));
  // Away for only a quarter of the shift is not "most of it".
  const glance = therapistFace((t) => (t >= 40 && t < 41 ? { yaw: 30 } : {}));
  assert.ok(!reasons(marker('p1', 40, 44), glance, null).includes('therapist-looking-away'));
  // Eyes down at notes, relative to where this therapist usually looks: a camera above the screen makes
  // "down" their usual, which is not looking away.
  const withEyes = (level: (t: number) => number): FaceTrack => {
    const face = therapistFace();
    for (const name of ['eyeLookDownLeft', 'eyeLookDownRight']) face.blendshapes[name] = face.t.map((t) => level(t));
    return face;
  };
  const notes = withEyes((t) => (t >= 40 && t < 44 ? 0.8 : 0.15));
  const [eyes] = missedBecause(marker('p1', 40, 44), { face: notes, voice: null }, null);
  assert.match(eyes?.text ?? '', /eyes down/);
  assert.ok(!reasons(marker('p1', 40, 44), withEyes(() => 0.7), null).includes('therapist-looking-away'));
});

test('no-response: nothing in the therapist changed in the 5 s after; a turn taken or a smile that drops is a response', () => {
  const silent = voiceOf('p2', () => false);
  assert.ok(reasons(marker('p1', 30, 34), therapistFace(), silent).includes('no-response'));
  const answers = voiceOf('p2', (t) => t >= 32 && t < 40);
  assert.ok(!reasons(marker('p1', 30, 34), therapistFace(), answers).includes('no-response'));
  const smileDrops = therapistFace((t) => (t >= 31 ? { smile: 0.02 } : {}));
  assert.ok(!reasons(marker('p1', 30, 34), smileDrops, silent).includes('no-response'));
  assert.ok(!reasons(marker('p1', 30, 34), null, null).includes('no-response'), 'a therapist not observed is not said to have not responded');
});

function analysis(): Analysis {
  return {
    format: 'attune-analysis',
    version: 1,
    source: { file: 'x.mp4', sha256: 'a'.repeat(64), durationSec: DURATION, video: null, audio: null },
    analysis: { createdAt: '2026-12-05T00:00:00.000Z', app: 'attune test', models: [], settings: {}, notes: [] },
    people: [{ id: 'p1', role: 'unknown' }, { id: 'p2', role: 'unknown' }],
    tracks: { face: [therapistFace()], voice: [voiceOf('p2', (t) => t >= 28 && t < 33)] },
    markers: [marker('p1', 30, 36), { ...marker('p2', 10, 11, 'brief'), id: 'm2', missedBecause: ['brief'] }],
  };
}

test('with roles the markers are the client\'s, with reasons; without, they are as fusion found them', () => {
  const none = applyRoles(analysis(), new Map());
  assert.deepEqual(none, analysis());
  assert.deepEqual(none.markers[1]!.missedBecause, ['brief']);
  const named = applyRoles(analysis(), new Map([['p1', 'client'], ['p2', 'therapist']] as const));
  assert.deepEqual(named.markers.map((m) => m.personId), ['p1']);
  assert.ok(named.markers[0]!.missedBecause!.includes('therapist-speaking'));
  assert.equal(named.markers[0]!.missedEvidence!.length, named.markers[0]!.missedBecause!.length);
  assert.deepEqual(named.analysis.notes, []);
  assert.deepEqual(applyRoles(named, new Map([['p1', 'client'], ['p2', 'therapist']] as const)), named, 'applying the same roles again changes nothing');
});
