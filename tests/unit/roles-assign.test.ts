/** Roles set on a finished analysis (attune roles): markers found again from the tracks, then narrowed to the client. */
import assert from 'node:assert/strict';
import { test } from 'vitest';
import type { Analysis } from '../../lib/analysis/types.ts';
import { analyseFusion } from '../../lib/fusion/detect-markers.ts';
import { applyRoles, ROLES_MISSING_NOTE } from '../../lib/roles/apply-roles.ts';
import { mergedRoles, reassignRoles, unknownPeople, withRoleNotes } from '../../lib/roles/assign-roles.ts';
import { speakingShares, speakingSummary } from '../../lib/speakers/speaking-time.ts';
import { faceTrack, turnTaking, voiceTrack } from '../helpers/fusion-synthetic.ts';

const DURATION = 240;

/** p1 stops smiling at 120 s and p2 frowns from 60 s: each has a shift of their own. */
function fresh(): Analysis {
  const face = [
    faceTrack({ personId: 'p1', durationSec: DURATION, seed: 1, levels: { mouthSmileLeft: (t) => (t < 120 ? 0.5 : 0.1), mouthSmileRight: (t) => (t < 120 ? 0.5 : 0.1) } }),
    faceTrack({ personId: 'p2', durationSec: DURATION, seed: 2, levels: { browDownLeft: (t) => (t < 60 ? 0.05 : 0.5), browDownRight: (t) => (t < 60 ? 0.05 : 0.5) } }),
  ];
  const talk = turnTaking(DURATION, 3);
  const voice = [
    voiceTrack({ personId: 'p1', durationSec: DURATION, seed: 4, speech: (t) => (t % 20 < 10 ? talk(t) : 0), f0Hz: () => 120, loudnessDb: () => -25 }),
    voiceTrack({ personId: 'p2', durationSec: DURATION, seed: 5, speech: (t) => (t % 20 >= 10 ? talk(t) : 0), f0Hz: () => 210, loudnessDb: () => -28 }),
  ];
  const { markers } = analyseFusion({ face, voice, durationSec: DURATION });
  return {
    format: 'attune-analysis',
    version: 1,
    source: { file: 'x.mp4', sha256: 'a'.repeat(64), durationSec: DURATION, video: null, audio: null },
    analysis: { createdAt: '2026-12-06T00:00:00.000Z', app: 'attune test', models: [], settings: {}, notes: [] },
    people: [{ id: 'p1', role: 'unknown' }, { id: 'p2', role: 'unknown' }],
    tracks: { face, voice },
    markers,
  };
}

const owners = (a: Analysis) => [...new Set(a.markers.map((m) => m.personId))].sort();

test('roles on a finished file: the client’s markers with reasons; swapping the roles finds the other person’s again from the tracks', () => {
  const analysis = fresh();
  assert.deepEqual(owners(analysis), ['p1', 'p2'], 'fusion finds shifts for both people');
  const first = reassignRoles(analysis, new Map([['p1', 'client'], ['p2', 'therapist']] as const));
  assert.deepEqual(owners(first), ['p1']);
  assert.deepEqual(first.analysis.notes, []);
  assert.deepEqual(first, applyRoles(analysis, new Map([['p1', 'client'], ['p2', 'therapist']] as const)), 'the same as roles applied at analysis time');
  for (const m of first.markers) assert.deepEqual((m.missedEvidence ?? []).map((e) => e.reason), (m.missedBecause ?? []).filter((r) => r !== 'brief'));

  // p1's file no longer holds p2's markers; only finding them again from the tracks can give them back.
  const swapped = reassignRoles(first, new Map([['p2', 'client'], ['p1', 'therapist']] as const));
  assert.deepEqual(owners(swapped), ['p2']);
  assert.deepEqual(swapped.markers, applyRoles(analysis, new Map([['p2', 'client'], ['p1', 'therapist']] as const)).markers);
  assert.deepEqual(swapped.people.map((p) => p.role), ['therapist', 'client']);
});

test('a role given to someone new is taken from whoever held it; one role alone leaves a one-sentence note', () => {
  const analysis = { ...fresh(), people: [{ id: 'p1', role: 'client' as const }, { id: 'p2', role: 'therapist' as const }] };
  assert.deepEqual([...mergedRoles(analysis, new Map([['p2', 'client']] as const))], [['p1', 'unknown'], ['p2', 'client']]);
  assert.deepEqual([...mergedRoles(analysis, new Map([['p1', 'therapist']] as const))], [['p1', 'therapist'], ['p2', 'unknown']]);
  const onlyClient = reassignRoles(analysis, new Map([['p2', 'client']] as const));
  assert.deepEqual(onlyClient.analysis.notes, [ROLES_MISSING_NOTE]);
  assert.deepEqual(owners(onlyClient), ['p1', 'p2'], 'without a therapist nothing is narrowed');
  assert.deepEqual(withRoleNotes(onlyClient, mergedRoles(onlyClient, new Map())).analysis.notes, [ROLES_MISSING_NOTE], 'said once, however often roles are set');
  assert.deepEqual(unknownPeople(analysis, new Map([['p3', 'client'], ['p1', 'therapist'], ['v1', 'client']] as const)), ['p3', 'v1']);
});

test('speaking time: each voice’s share of the session, with ids, roles and the off-camera voice in words', () => {
  const t = Array.from({ length: 100 }, (_, i) => i / 100);
  const voice = (personId: string | null, speaking: (i: number) => boolean) => ({
    personId, t, f0Hz: t.map(() => null), loudnessDb: t.map(() => null), speech: t.map((_, i) => (speaking(i) ? 1 : 0)),
  });
  const base = fresh();
  const analysis: Analysis = {
    ...base,
    people: [{ id: 'p1', role: 'client' }, { id: 'p2', role: 'unknown' }, { id: 'v1', role: 'unknown', offCamera: true }],
    tracks: { ...base.tracks, voice: [voice('p1', (i) => i < 41), voice('p2', (i) => i >= 50 && i < 62), voice('v1', (i) => i >= 70)] },
  };
  assert.deepEqual(speakingShares(analysis).map((s) => s.share), [0.41, 0.12, 0.3]);
  assert.equal(speakingSummary(analysis), 'p1 (client) spoke 41 % of the time, p2 12 %, v1 (a voice off camera) 30 %.');
  assert.equal(speakingSummary({ ...analysis, tracks: { ...analysis.tracks, voice: [voice(null, (i) => i < 25)] } }), 'Someone spoke 25 % of the time.');
  assert.equal(speakingSummary({ ...analysis, tracks: { ...analysis.tracks, voice: [] } }), null);
});
