/**
 * Speaker attribution and the voice split on synthetic series with a known answer: who talks is set by
 * construction (a mouth that opens and closes, a voice print drawn around that speaker's own centre).
 */
import assert from 'node:assert/strict';
import { test } from 'vitest';
import type { FaceTrack, VoiceTrack } from '../../lib/analysis/types.ts';
import { Mfcc } from '../../lib/audio/mfcc.ts';
import type { VoicePrints } from '../../lib/audio/voice-print.ts';
import { seededRandom } from '../../lib/maths/seeded-random.ts';
import { mouthActivity } from '../../lib/speakers/mouth-activity.ts';
import { attributeSpeakers, OFF_CAMERA_ID } from '../../lib/speakers/speaker-attribution.ts';
import { splitVoice } from '../../lib/speakers/voice-split.ts';
import { gaussian } from '../helpers/random.ts';

const FACE_FPS = 5;
const HOP = 0.01;
const BIN = 0.5;
const COEFFICIENTS = 12;

/** Who talks at t: speech in turns of 4 s with 1 s pauses; `talker(turn)` names the owner of each turn. */
interface Script {
  durationSec: number;
  talker: (turn: number) => string;
}
const turnAt = (t: number) => ({ turn: Math.floor(t / 5), speaking: t % 5 < 4 });

function face(personId: string, script: Script, random: () => number, still = false): FaceTrack {
  const t = Array.from({ length: script.durationSec * FACE_FPS }, (_, i) => i / FACE_FPS);
  const talking = (ti: number) => {
    const { turn, speaking } = turnAt(ti);
    return speaking && script.talker(turn) === personId;
  };
  // Talking: the jaw opens and closes about 3 times a second; otherwise small tracking noise, and one slow smile.
  const jawOpen = t.map((ti) => (still ? 0.05 : talking(ti) ? 0.25 + 0.2 * Math.sin(2 * Math.PI * 3.1 * ti) : 0.05 + 0.01 * gaussian(random)));
  const mouthStretchLeft = t.map((ti) => (still ? 0.1 : 0.1 + 0.3 * Math.min(1, Math.max(0, (ti - 12) / 2)) + 0.01 * gaussian(random)));
  return { personId, t, headYawDeg: t.map(() => 0), headPitchDeg: t.map(() => 0), headRollDeg: t.map(() => 0), blendshapes: { jawOpen, mouthStretchLeft }, presence: t.map(() => 1) };
}

function voice(script: Script): VoiceTrack {
  const t = Array.from({ length: Math.round(script.durationSec / HOP) }, (_, i) => Math.round(i * HOP * 100) / 100);
  const pitch: Record<string, number> = {};
  const f0Hz = t.map((ti) => {
    const { turn, speaking } = turnAt(ti);
    if (!speaking) return null;
    const who = script.talker(turn);
    pitch[who] ??= 100 + 90 * Object.keys(pitch).length;
    return pitch[who]! * (1 + 0.05 * Math.sin(ti * 7));
  });
  return { personId: null, t, f0Hz, loudnessDb: t.map((ti) => (turnAt(ti).speaking ? -25 : -60)), speech: t.map((ti) => (turnAt(ti).speaking ? 1 : 0)) };
}

function prints(script: Script, random: () => number): VoicePrints {
  const bins = Math.ceil(script.durationSec / BIN);
  const centres = new Map<string, number[]>();
  const mfccMean = new Float32Array(bins * COEFFICIENTS).fill(Number.NaN);
  const voicedFrames = new Uint16Array(bins);
  for (let k = 0; k < bins; k++) {
    const { turn, speaking } = turnAt(k * BIN);
    if (!speaking) continue;
    const who = script.talker(turn);
    if (!centres.has(who)) centres.set(who, Array.from({ length: COEFFICIENTS }, () => 4 * gaussian(random)));
    voicedFrames[k] = 30;
    for (let c = 0; c < COEFFICIENTS; c++) mfccMean[k * COEFFICIENTS + c] = centres.get(who)![c]! + gaussian(random);
  }
  return { binSec: BIN, coefficients: COEFFICIENTS, mfccMean, voicedFrames };
}

function accuracy(owner: (string | null)[], script: Script): number {
  let right = 0;
  let total = 0;
  owner.forEach((o, k) => {
    const { turn, speaking } = turnAt((k + 0.5) * BIN);
    if (!speaking) return;
    total++;
    if (o === script.talker(turn)) right++;
  });
  return right / total;
}

test('mouth activity counts opening and closing, not a one-way change such as a smile', () => {
  const random = seededRandom(1);
  // p1 talks only in the first turn (0–4 s) and smiles slowly at 12–14 s.
  const script: Script = { durationSec: 20, talker: (turn) => (turn === 0 ? 'p1' : 'p2') };
  const activity = mouthActivity(face('p1', script, random), BIN, 40);
  const talking = activity.filter((_, k) => k < 8).map(Number);
  const smiling = activity.filter((_, k) => k >= 24 && k < 28).map(Number);
  assert.ok(Math.min(...talking.slice(1, 7)) > 5 * Math.max(...smiling), `${talking} vs ${smiling}`);
});

test('a known speaker switch between two faces is found bin by bin, and the voice split follows it', () => {
  const random = seededRandom(7);
  const script: Script = { durationSec: 60, talker: (turn) => (turn % 3 === 2 ? 'p2' : 'p1') };
  const faces = [face('p1', script, random), face('p2', script, random)];
  const room = voice(script);
  const result = attributeSpeakers(room, prints(script, random), faces, script.durationSec);
  assert.ok(accuracy(result.owner, script) >= 0.95, `accuracy ${accuracy(result.owner, script)}`);
  assert.equal(result.offCamera, false);
  const tracks = splitVoice(room, result, ['p1', 'p2', OFF_CAMERA_ID]);
  assert.deepEqual(tracks.map((t) => t.personId), ['p1', 'p2']);
  const p2 = tracks[1]!;
  // Turn 2 (10–14 s) is p2's: their speech there, p1's nowhere there.
  const at = (track: VoiceTrack, t: number) => track.speech[Math.round(t / HOP)];
  assert.equal(at(p2, 12), 1);
  assert.equal(at(tracks[0]!, 12), 0);
  assert.equal(p2.f0Hz[Math.round(2 / HOP)], null, 'no pitch of p2 while p1 speaks');
  const total = tracks.reduce((sum, t) => sum + t.speech.filter((s) => s === 1).length, 0);
  assert.equal(total, room.speech.filter((s) => s === 1).length, 'every speech frame belongs to exactly one track');
});

test('a voice while the face in view keeps still becomes the off-camera speaker', () => {
  const random = seededRandom(11);
  const script: Script = { durationSec: 60, talker: (turn) => (turn % 2 === 0 ? 'p1' : OFF_CAMERA_ID) };
  const result = attributeSpeakers(voice(script), prints(script, random), [face('p1', script, random)], script.durationSec);
  assert.equal(result.offCamera, true);
  assert.ok(accuracy(result.owner, script) >= 0.95, `accuracy ${accuracy(result.owner, script)}`);
});

test('one person alone who sometimes talks with a still mouth is not split into an off-camera voice', () => {
  const random = seededRandom(5);
  const script: Script = { durationSec: 60, talker: () => 'p1' };
  // Every third turn the mouth barely moves (a mumble) but the voice is the same.
  const track = face('p1', script, random);
  track.blendshapes.jawOpen = track.blendshapes.jawOpen!.map((v, i) => (turnAt(track.t[i]!).turn % 3 === 1 ? 0.05 : v));
  const result = attributeSpeakers(voice(script), prints(script, random), [track], script.durationSec);
  assert.equal(result.offCamera, false);
  assert.ok(accuracy(result.owner, script) >= 0.95, `accuracy ${accuracy(result.owner, script)}`);
});

test('without a face there is no one to give the speech to: the room voice stays as it was', () => {
  const random = seededRandom(3);
  const script: Script = { durationSec: 20, talker: () => 'p1' };
  const room = voice(script);
  const result = attributeSpeakers(room, prints(script, random), [], script.durationSec);
  assert.ok(result.owner.every((o) => o === null));
  assert.deepEqual(splitVoice(room, result, [OFF_CAMERA_ID]), [room]);
});

test('MFCCs do not change with the recording level (c0 is left out), and do change with the spectrum shape', () => {
  const mfcc = new Mfcc({ sampleRate: 8000, fftSize: 256, bands: 24, lowHz: 80, highHz: 3900, count: 12 });
  const spectrum = Float32Array.from({ length: 128 }, (_, k) => 1 + 5 * Math.exp(-((k - 20) ** 2) / 30));
  const a = [...mfcc.compute(spectrum)];
  const b = [...mfcc.compute(spectrum.map((v) => v * 0.01))];
  a.forEach((v, i) => assert.ok(Math.abs(v - b[i]!) < 1e-3, `c${i + 1}: ${v} vs ${b[i]}`));
  const c = [...mfcc.compute(Float32Array.from({ length: 128 }, (_, k) => 1 + 5 * Math.exp(-((k - 70) ** 2) / 30)))];
  assert.ok(c.some((v, i) => Math.abs(v - a[i]!) > 0.5));
});

test('two faces talking at once: the bins are overlap, both people’s speech, and neither gets the mixture’s pitch', () => {
  const random = seededRandom(13);
  // p1 and p2 take turns, except turn 6 (30–34 s) where both talk.
  const script: Script = { durationSec: 60, talker: (turn) => (turn % 2 === 0 ? 'p1' : 'p2') };
  const faces = [face('p1', script, random), face('p2', script, random)];
  const both = { ...script, talker: () => 'p2' };
  const p2Always = face('p2', both, random);
  faces[1]!.blendshapes.jawOpen = faces[1]!.blendshapes.jawOpen!.map((v, i) => (turnAt(faces[1]!.t[i]!).turn === 6 ? p2Always.blendshapes.jawOpen![i]! : v));
  const room = voice(script);
  const result = attributeSpeakers(room, prints(script, random), faces, script.durationSec);
  const bins = (from: number, to: number) => result.overlap.slice(from / BIN, to / BIN);
  assert.ok(bins(30.5, 33.5).every((o) => o !== null), `overlap in turn 6: ${bins(30, 34)}`);
  assert.ok(bins(0, 29.5).every((o) => o === null) && bins(35, 60).every((o) => o === null), 'nowhere else');
  const [p1, p2] = splitVoice(room, result, ['p1', 'p2', OFF_CAMERA_ID]);
  const i = Math.round(32 / HOP);
  assert.deepEqual([p1!.speech[i], p2!.speech[i]], [1, 1], 'both were speaking');
  assert.deepEqual([p1!.f0Hz[i], p2!.f0Hz[i], p1!.loudnessDb[i], p2!.loudnessDb[i]], [null, null, null, null], 'the mixture belongs to neither');
  const j = Math.round(12 / HOP);
  assert.deepEqual([p1!.speech[j], p1!.f0Hz[j] !== null, p2!.speech[j]], [1, true, 0], 'outside the overlap one speaker, with their pitch');
});
