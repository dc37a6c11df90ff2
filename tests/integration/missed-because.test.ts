/**
 * Why a change was easy to miss, on a constructed gallery recording with a known answer
 * (tests/helpers/gallery-session.ts): the therapist is talking when the client's face first changes,
 * and silent and still when it changes again. Real ffmpeg, real MediaPipe, the real CLI.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, test } from 'vitest';
import type { Analysis, Marker } from '../../lib/analysis/types.ts';
import { ROLES_MISSING_NOTE } from '../../lib/roles/apply-roles.ts';
import { runCli } from '../helpers/cli.ts';
import { CHANGES, makeGallerySession } from '../helpers/gallery-session.ts';
import { scratch } from '../helpers/paths.ts';
import { assertValidAnalysis } from '../helpers/schema.ts';

const work = scratch('missed');
afterAll(() => work.remove());

/** The client's marker for the change at `sec`: a shift whose change point is within 1.5 s of it. */
function markerAt(analysis: Analysis, clientId: string, sec: number): Marker {
  const found = analysis.markers.find((m) => m.personId === clientId && m.kind === 'shift' && Math.abs((m.changeSec ?? m.startSec) - sec) <= 1.5);
  assert.ok(found, `a client marker at ${sec} s among ${JSON.stringify(analysis.markers.map((m) => [m.personId, m.kind, m.changeSec]))}`);
  return found;
}

test('the change while the therapist talks is "therapist-speaking"; the one while they are silent and still is "no-response"', async () => {
  const file = join(work.dir, 'gallery.mp4');
  makeGallerySession(file);
  const out = join(work.dir, 'out');
  const first = await runCli(['analyze', file, '--out', out, '--quiet'], out);
  assert.equal(first.code, 0, first.stderr);
  const unnamed = first.analysis as Analysis;
  assert.ok(unnamed.analysis.notes?.includes(ROLES_MISSING_NOTE), 'without roles the file says the reasons were left out');
  assert.ok(unnamed.markers.every((m) => (m.missedBecause ?? []).every((r) => r === 'brief')), 'and none is given');

  // The therapist is the one who speaks; the client never does.
  const therapist = unnamed.tracks.voice.find((v) => v.personId !== null && v.speech.some((s) => s === 1))!.personId!;
  const client = unnamed.tracks.face.map((f) => f.personId).find((id) => id !== therapist)!;
  const named = await runCli(['roles', out, '--client', client, '--therapist', therapist, '--quiet'], out);
  assert.equal(named.code, 0, named.stderr);
  const analysis = named.analysis as Analysis;
  assertValidAnalysis(analysis);
  assert.ok(analysis.markers.every((m) => m.personId !== therapist), 'the therapist’s own shifts are not markers');

  const talking = markerAt(analysis, client, CHANGES[0]);
  assert.ok(talking.missedBecause?.includes('therapist-speaking'), JSON.stringify(talking));
  const silent = markerAt(analysis, client, CHANGES[1]);
  assert.ok(silent.missedBecause?.includes('no-response'), JSON.stringify(silent));
  assert.ok(!silent.missedBecause?.includes('therapist-speaking'), JSON.stringify(silent));

  // The exports carry the reasons.
  const csv = join(work.dir, 'markers.csv');
  const exported = await runCli(['export', out, '--format', 'markers-csv', '--out', csv, '--quiet'], out);
  assert.equal(exported.code, 0, exported.stderr);
  const text = readFileSync(csv, 'utf8');
  assert.match(text, /therapist-speaking/);
  assert.match(text, /no-response/);
  const vtt = join(work.dir, 'captions.vtt');
  assert.equal((await runCli(['export', out, '--format', 'vtt', '--out', vtt, '--quiet'], out)).code, 0);
  assert.match(readFileSync(vtt, 'utf8'), /It began while the therapist was speaking \(0:\d\d\.\d–0:\d\d\.\d\)\./);
});
