/**
 * Who speaks when, on real constructed two-person recordings (tests/helpers/two-speakers.ts): real ffmpeg,
 * real MediaPipe, the real CLI; the truth is how the file was made. Accuracy is counted per 0.5-s bin
 * over the bins the analysis took as speech that lie inside a turn.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, test } from 'vitest';
import type { Analysis, FaceTrack } from '../../lib/analysis/types.ts';
import { ROLES_MISSING_NOTE } from '../../lib/roles/apply-roles.ts';
import { SPEAKERS_NOT_TOLD_APART } from '../../lib/speakers/speaker-attribution.ts';
import { makePhoneCall, MAN, WOMAN } from '../helpers/phone-call.ts';
import { AudioFrameAnalyser } from '../../lib/audio/frame-analyser.ts';
import { decodeAudio } from '../../main/media/decode-audio.ts';
import { failureLine, runCli } from '../helpers/cli.ts';
import { scratch } from '../helpers/paths.ts';
import { assertValidAnalysis } from '../helpers/schema.ts';
import { makeBothInViewConversation, makeOffCameraConversation, makeTalkingAtOnce, type Turn, type TurnOwner } from '../helpers/two-speakers.ts';

const work = scratch('speakers');
afterAll(() => work.remove());
const BIN = 0.5;

async function analyse(name: string, make: (file: string) => Turn[]): Promise<{ analysis: Analysis; turns: Turn[]; file: string; out: string; stderr: string }> {
  const file = join(work.dir, `${name}.mp4`);
  const turns = make(file);
  const out = join(work.dir, name);
  const run = await runCli(['analyze', file, '--out', out, '--quiet'], out);
  assert.equal(run.code, 0, run.stderr);
  assertValidAnalysis(run.analysis);
  return { analysis: run.analysis, turns, file, out, stderr: run.stderr };
}

/** Kept from the off-camera test so the roles test analyses the same recording again. */
let offCamera: { file: string; out: string; turns: Turn[]; speaker: string } | null = null;
/** The analysis made with --client and --therapist, for comparing with roles set afterwards. */
let namedAtAnalysis: Analysis | null = null;
const REASONS = new Set(['brief', 'therapist-speaking', 'therapist-looking-away', 'no-response']);

/** The face whose picture is frozen during `turns`: its mouth moves far less than the other face's. */
function frozenFace(analysis: Analysis, turns: Turn[]): FaceTrack {
  const movement = (face: FaceTrack): number => {
    let sum = 0;
    face.t.forEach((t, i) => {
      const [a, b] = [face.blendshapes.jawOpen![i - 1], face.blendshapes.jawOpen![i]];
      if (i > 0 && turns.some((turn) => t > turn.startSec && t < turn.endSec) && typeof a === 'number' && typeof b === 'number') sum += Math.abs(b - a);
    });
    return sum;
  };
  const [still, moving] = [...analysis.tracks.face].sort((a, b) => movement(a) - movement(b));
  assert.ok(still && moving && movement(still) < 0.5 * movement(moving), `one frozen face in ${JSON.stringify(turns)}`);
  return still;
}

/** Per speech bin inside a turn: the owner the analysis gave it and the truth. */
function scoreBins(analysis: Analysis, turns: Turn[], idOf: (owner: TurnOwner) => string): { right: number; total: number; wrong: string[] } {
  const n = Math.ceil(analysis.source.durationSec / BIN);
  const speech = new Map<string | null, number[]>();
  const frames = new Array<number>(n).fill(0);
  for (const voice of analysis.tracks.voice) {
    const counts = new Array<number>(n).fill(0);
    voice.t.forEach((t, i) => {
      const k = Math.floor(t / BIN);
      if (k < n && voice.speech[i] === 1) counts[k]! += 1;
    });
    speech.set(voice.personId, counts);
  }
  analysis.tracks.voice[0]!.t.forEach((t) => {
    const k = Math.floor(t / BIN);
    if (k < n) frames[k]! += 1;
  });
  let right = 0;
  let total = 0;
  const wrong: string[] = [];
  for (let k = 0; k < n; k++) {
    const [owner, count] = [...speech].reduce((best, entry) => (entry[1][k]! > best[1][k]! ? entry : best));
    if (count[k]! / frames[k]! < 0.5) continue;
    const mid = (k + 0.5) * BIN;
    const turn = turns.find((t) => mid >= t.startSec && mid < t.endSec);
    if (!turn) continue;
    total++;
    if (owner === idOf(turn.owner)) right++;
    else wrong.push(`${mid} s: ${turn.owner} given to ${owner}`);
  }
  return { right, total, wrong };
}

test('a visible speaker and an off-camera voice: each speech bin goes to the right one (≥ 90 %)', async (context) => {
  const { analysis, turns, file, out } = await analyse('off-camera', makeOffCameraConversation);
  const speaker = frozenFace(analysis, turns.filter((t) => t.owner === 'off-camera')).personId;
  offCamera = { file, out, turns, speaker };
  assert.ok(analysis.analysis.notes?.includes(ROLES_MISSING_NOTE), 'without roles the file says the role reasons are left out');
  const listener = analysis.tracks.face.find((f) => f.personId !== speaker)!.personId;
  assert.deepEqual(
    analysis.people.find((p) => p.offCamera),
    { id: 'v1', role: 'unknown', offCamera: true },
    'the off-camera voice is a person of the analysis',
  );
  const { right, total, wrong } = scoreBins(analysis, turns, (owner) => (owner === 'left' ? speaker : owner === 'off-camera' ? 'v1' : listener));
  assert.ok(total >= 40, `${total} speech bins`);
  await context.annotate(`off-camera voice recording: ${right}/${total} speech bins (${((100 * right) / total).toFixed(1)} %) to the right speaker`);
  assert.ok(right / total >= 0.9, `${right}/${total} right; wrong: ${wrong.join('; ')}`);
  assert.ok(!analysis.tracks.voice.some((v) => v.personId === listener && v.speech.some((s) => s === 1) && v.speech.filter((s) => s === 1).length > 100), 'the silent listener is given (almost) no speech');
});

test('the same voice from two faces in turn: the moving mouth decides (≥ 90 %)', async (context) => {
  const { analysis, turns } = await analyse('both-in-view', makeBothInViewConversation);
  // In the first turn the right tile is frozen; the left face is the other one.
  const right = frozenFace(analysis, [turns[0]!]).personId;
  const left = analysis.tracks.face.find((f) => f.personId !== right)!.personId;
  const score = scoreBins(analysis, turns, (owner) => (owner === 'left' ? left : right));
  assert.ok(score.total >= 15, `${score.total} speech bins`);
  await context.annotate(`both in view, one voice: ${score.right}/${score.total} speech bins (${((100 * score.right) / score.total).toFixed(1)} %) to the right face`);
  assert.ok(score.right / score.total >= 0.9, `${score.right}/${score.total} right; wrong: ${score.wrong.join('; ')}`);
  assert.ok(!analysis.people.some((p) => p.offCamera), 'no off-camera voice is made up');
});

/** Speech activity of a clip on its own (the app's decoder and analyser), as [start, end) spans from its start. */
async function speechSpans(clip: string): Promise<[number, number][]> {
  const analyser = new AudioFrameAnalyser();
  for await (const chunk of decodeAudio(clip)) analyser.push(chunk);
  return analyser.finish().segments.map((s) => [s.startSec, s.endSec]);
}

test('two faces talking at once: those bins are both people’s speech; the turns around them are one person’s', async (context) => {
  const { analysis, turns } = await analyse('at-once', makeTalkingAtOnce);
  // Truly at once: where both clips of a 'both' turn have speech of their own.
  const together: [number, number][] = [];
  for (const turn of turns.filter((x) => x.owner === 'both')) {
    const [a, b] = await Promise.all(turn.clips!.map(speechSpans));
    for (const [s1, e1] of a!) for (const [s2, e2] of b!) if (Math.min(e1, e2) > Math.max(s1, s2)) together.push([turn.startSec + Math.max(s1, s2), turn.startSec + Math.min(e1, e2)]);
  }
  const right = frozenFace(analysis, [turns[0]!]).personId;
  const left = analysis.tracks.face.find((f) => f.personId !== right)!.personId;
  const voiceOf = (id: string) => analysis.tracks.voice.find((v) => v.personId === id)!;
  const [l, r] = [voiceOf(left), voiceOf(right)];
  let both = 0;
  let total = 0;
  l.t.forEach((time, i) => {
    if (!together.some(([from, to]) => time >= from && time < to) || l.speech[i]! + r.speech[i]! === 0) return;
    total++;
    if (l.speech[i] === 1 && r.speech[i] === 1) {
      both++;
      assert.equal(l.f0Hz[i], null, 'no one is given the mixture’s pitch');
    }
  });
  await context.annotate(`talking at once: ${both}/${total} speech frames (${((100 * both) / total).toFixed(1)} %) are both people’s`);
  assert.ok(total > 100 && both / total >= 0.6, `${both}/${total} speech frames of the overlaps are both people’s`);
  const single = scoreBins(analysis, turns.filter((turn) => turn.owner !== 'both'), (owner) => (owner === 'left' ? left : right));
  assert.ok(single.right / single.total >= 0.9, `${single.right}/${single.total} right; wrong: ${single.wrong.join('; ')}`);
});

test('a phone session (no picture, two voices): the speech stays one voice, and the file says why', async () => {
  const file = join(work.dir, 'call.m4a');
  const turns = Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? { speaker: 'man' as const, clip: MAN[i]! } : { speaker: 'woman' as const, clip: WOMAN[i >> 1]! }));
  makePhoneCall(file, work.dir, turns);
  const out = join(work.dir, 'call');
  const run = await runCli(['analyze', file, '--out', out], out);
  assert.equal(run.code, 0, run.stderr);
  const analysis = run.analysis as Analysis;
  assert.deepEqual(analysis.tracks.voice.map((v) => v.personId), [null]);
  assert.deepEqual(analysis.people, []);
  assert.ok(analysis.analysis.notes?.includes(SPEAKERS_NOT_TOLD_APART), JSON.stringify(analysis.analysis.notes));
  assert.match(run.stderr, /Someone spoke \d+ % of the time\./);
});

test('--client and --therapist: the markers are the client\'s, each reason from the therapist\'s own tracks', async (context) => {
  if (!offCamera) return context.skip('the off-camera recording was not analysed');
  const { file, turns, speaker } = offCamera;
  const out = join(work.dir, 'roles');
  const same = await runCli(['analyze', file, '--out', out, '--client', 'v1', '--therapist', 'v1', '--quiet'], out);
  assert.equal(same.code, 2, 'one person cannot be both');
  assert.match(same.stderr, /two different people/);
  const run = await runCli(['analyze', file, '--out', out, '--client', speaker, '--therapist', 'v1', '--quiet'], out);
  assert.equal(run.code, 0, run.stderr);
  assertValidAnalysis(run.analysis);
  const analysis = run.analysis;
  namedAtAnalysis = analysis;
  assert.equal(analysis.people.find((p) => p.id === speaker)?.role, 'client');
  assert.equal(analysis.people.find((p) => p.id === 'v1')?.role, 'therapist');
  assert.ok(!analysis.analysis.notes?.includes(ROLES_MISSING_NOTE), 'with both roles nothing is left out');
  assert.ok(analysis.markers.every((m) => m.personId !== 'v1'), 'no marker is the therapist\'s');
  const therapistTurns = turns.filter((turn) => turn.owner === 'off-camera');
  for (const marker of analysis.markers) {
    for (const reason of marker.missedBecause ?? []) assert.ok(REASONS.has(reason), `${reason} is a documented reason`);
    const evidence = marker.missedEvidence ?? [];
    assert.deepEqual(evidence.map((e) => e.reason), (marker.missedBecause ?? []).filter((r) => r !== 'brief'), 'every computed reason has its evidence');
    for (const e of evidence.filter((x) => x.reason === 'therapist-speaking')) {
      assert.ok(therapistTurns.some((turn) => e.startSec < turn.endSec + 0.5 && e.endSec > turn.startSec - 0.5), `therapist-speaking at ${e.startSec}–${e.endSec} s lies in a turn of the off-camera voice`);
    }
  }
});

test('attune roles: sets the roles on the file afterwards, the same as naming them at analysis time; an unknown id changes nothing', async (context) => {
  if (!offCamera || !namedAtAnalysis) return context.skip('the recordings were not analysed');
  const { out, speaker } = offCamera;
  const path = join(out, 'analysis.json');
  const before = readFileSync(path);
  const unknown = await runCli(['roles', path, '--client', 'p9', '--therapist', 'v1'], out);
  assert.equal(unknown.code, 2);
  const ids = (unknown.analysis as Analysis).people.map((p) => p.id).join(', ');
  assert.equal(failureLine(unknown), `attune: "p9" is not a person in ${path}; the people in it are ${ids}. Nothing was changed.`);
  assert.deepEqual(readFileSync(path), before, 'the file is untouched');
  const noRole = await runCli(['roles', out], out);
  assert.equal(noRole.code, 2);
  assert.match(noRole.stderr, /needs --client, --therapist or both/);

  const started = performance.now();
  const run = await runCli(['roles', out, '--client', speaker, '--therapist', 'v1'], out);
  const took = (performance.now() - started) / 1000;
  assert.equal(run.code, 0, run.stderr);
  assert.ok(took < 10, `roles took ${took.toFixed(1)} s: nothing is decoded`);
  assert.match(run.stderr, new RegExp(`Roles set: ${speaker} is the client, v1 is the therapist\\.`));
  assert.deepEqual(run.outFiles, ['analysis.json'], 'no temporary file is left');
  const after = run.analysis as Analysis;
  assertValidAnalysis(after);
  assert.deepEqual(after.people, namedAtAnalysis.people);
  assert.deepEqual(after.analysis.notes, namedAtAnalysis.analysis.notes);
  const when = (a: Analysis) => a.markers.map((m) => [m.kind, m.personId, m.startSec, m.endSec, m.missedBecause]);
  assert.deepEqual(when(after), when(namedAtAnalysis), 'the same markers and reasons as --client/--therapist at analysis time');
});
