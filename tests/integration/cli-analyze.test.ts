/** The README's main job, end to end through the real `attune analyze`: real ffmpeg, real MediaPipe in headless Chromium, real audio worker. */
import { afterAll, beforeAll, describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Analysis } from '../../lib/analysis/types.ts';
import { failureLine, runCli } from '../helpers/cli.ts';
import { ffmpeg } from '../helpers/ffmpeg.ts';
import { liveProcessesMatching } from '../helpers/processes.ts';
import { processTree, runningProcesses } from '../../main/chromium/process-tree.ts';
import { CLI, MODELS_DIR, scratch, speech, video } from '../helpers/paths.ts';
import { assertValidAnalysis } from '../helpers/schema.ts';

const tmp = scratch('cli');
afterAll(tmp.remove);
const at = (name: string): string => join(tmp.dir, name);

const median = (values: (number | null)[]): number => {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

describe('attune analyze on a real face-and-voice clip', () => {
  let first: Analysis;
  beforeAll(async () => {
    const run = await runCli(['analyze', video('01-01-03-01-01-02-05.mp4'), '--out', at('happy')], at('happy'));
    assert.equal(run.code, 0, run.stderr);
    assertValidAnalysis(run.analysis);
    first = run.analysis;
  });

  test('describes the source without leaking its folder', () => {
    assert.equal(first.source.file, '01-01-03-01-01-02-05.mp4');
    assert.equal(first.source.sha256, '0b91eda10f6895e5309bb54e87e4506d285822daf8105cd59c26fa9a2243e74f');
    assert.deepEqual(first.source.video && [first.source.video.width, first.source.video.height], [1280, 720]);
    assert.equal(first.source.audio?.sampleRate, 48000);
    assert.deepEqual(first.analysis.models, [
      { name: 'face_landmarker', sha256: '64184e229b263107bc2b804c6625db1341ff2bb731874b0bcc2fe6544e0bc9ff' },
      { name: 'movenet_lightning', sha256: 'bf97bc10d9c8a11200b0190ed64ce039b6252f1aff7cb552aca99b3d191c2f34' },
    ]);
  });

  test('finds one face, present in most frames, with plausible head angles and all 52 blendshapes', () => {
    assert.equal(first.tracks.face.length, 1);
    const face = first.tracks.face[0]!;
    assert.equal(Object.keys(face.blendshapes).length, 52);
    const present = face.headYawDeg.filter((v) => v !== null).length;
    assert.ok(present >= 0.8 * face.t.length, `face in ${present}/${face.t.length} frames`);
    for (const column of [face.headYawDeg, face.headPitchDeg, face.headRollDeg]) {
      assert.ok(Math.abs(median(column)) < 25, 'a frontal speaker looks roughly at the camera');
    }
    assert.ok(median(face.blendshapes.mouthSmileLeft!) > 0.2, 'the happy clip is smiling');
  });

  test('tracks the voice with F0 in the human range and nulls where unvoiced', () => {
    const voice = first.tracks.voice[0]!;
    const f0 = voice.f0Hz.filter((v): v is number => v !== null);
    assert.ok(f0.length > 30, 'voiced frames were found');
    assert.ok(f0.every((v) => v >= 50 && v <= 600), 'every F0 value is a human voice pitch');
    assert.ok(voice.f0Hz.some((v) => v === null), 'unvoiced frames are null, not 0');
    assert.ok(!voice.f0Hz.includes(0));
  });

  test('is deterministic: a second run gives the same bytes apart from createdAt', async () => {
    const run = await runCli(['analyze', video('01-01-03-01-01-02-05.mp4'), '--out', at('happy-again'), '--quiet'], at('happy-again'));
    assert.equal(run.code, 0, run.stderr);
    const strip = (a: unknown): string => JSON.stringify({ ...(a as Analysis), analysis: { ...(a as Analysis).analysis, createdAt: '' } });
    assert.equal(strip(run.analysis), strip(first));
  });
});

test('a neutral then strongly angry utterance by the same speaker gives a voice marker near the join', async () => {
  const joined = at('neutral-then-angry.wav');
  ffmpeg('-i', speech('03-01-01-01-01-01-05.wav'), '-i', speech('03-01-05-02-01-01-05.wav'), '-filter_complex', '[0:a][1:a]concat=n=2:v=0:a=1[a]', '-map', '[a]', joined);
  const run = await runCli(['analyze', joined, '--out', at('join'), '--quiet'], at('join'));
  assert.equal(run.code, 0, run.stderr);
  assertValidAnalysis(run.analysis);
  const joinSec = 3.6;
  const voiceMarkers = run.analysis.markers.filter((m) => m.modality.includes('voice'));
  assert.ok(
    voiceMarkers.some((m) => m.startSec - 1.5 <= joinSec && joinSec <= m.endSec + 1.5),
    `a voice marker near ${joinSec} s; got ${JSON.stringify(voiceMarkers.map((m) => [m.startSec, m.endSec, m.summary]))}`,
  );
  assert.equal(run.analysis.source.video, null);
  assert.deepEqual(run.analysis.tracks.face, []);
});

test('a video without sound still yields its faces, with audio null', async () => {
  const run = await runCli(['analyze', video('multi_face.avi'), '--out', at('multi'), '--quiet'], at('multi'));
  assert.equal(run.code, 0, run.stderr);
  assertValidAnalysis(run.analysis);
  assert.equal(run.analysis.source.audio, null);
  assert.deepEqual(run.analysis.tracks.voice, []);
  assert.ok(run.analysis.tracks.face.length >= 1);
});

test('a video with speech but no face in view is analysed for the voice and says so', async () => {
  const file = at('no-face.mp4');
  ffmpeg('-f', 'lavfi', '-i', 'testsrc2=s=320x240:r=15:d=3.5', '-i', speech('03-01-01-01-01-01-05.wav'), '-shortest', '-c:v', 'libx264', '-c:a', 'aac', file);
  const run = await runCli(['analyze', file, '--out', at('no-face')], at('no-face'));
  assert.equal(run.code, 0, run.stderr);
  assertValidAnalysis(run.analysis);
  assert.deepEqual(run.analysis.tracks.face, []);
  assert.match(run.stderr, /No face was found/);
});

test('a video with neither a face nor sound ends with a clear message and saves nothing', async () => {
  const file = at('blank.mp4');
  ffmpeg('-f', 'lavfi', '-i', 'testsrc2=s=320x240:r=15:d=2', '-c:v', 'libx264', file);
  const run = await runCli(['analyze', file, '--out', at('blank')], at('blank'));
  assert.equal(run.code, 3);
  assert.match(failureLine(run), /No face was found in "blank\.mp4" and it has no speech/);
  assert.deepEqual(run.outFiles, []);
});

test('an output folder that cannot be written is refused before any work', async () => {
  const blocker = at('a-file');
  ffmpeg('-f', 'lavfi', '-i', 'anullsrc=d=0.1', '-f', 'wav', blocker);
  const out = join(blocker, 'results');
  const run = await runCli(['analyze', video('01-01-01-01-02-01-05.mp4'), '--out', out], out);
  assert.equal(run.code, 5);
  assert.match(failureLine(run), /could not be saved in .*part of that path is a file/);
});

test('a missing model names the file and the fix', async () => {
  const out = at('no-model');
  const run = await runCli(['analyze', video('01-01-01-01-02-01-05.mp4'), '--out', out, '--models', at('empty-models')], out);
  assert.equal(run.code, 4);
  assert.match(failureLine(run), /face_landmarker\.task is missing .*npm run models/);
  assert.deepEqual(run.outFiles, []);
});

test('Ctrl-C stops ffmpeg, the browser and the workers promptly and leaves nothing behind', async () => {
  const long = at('long.mp4');
  ffmpeg('-stream_loop', '9', '-i', video('WolfgangLanger_Pexels.mp4'), '-c', 'copy', long);
  const out = at('cancelled');
  const browsersBefore = new Set(liveProcessesMatching(/chrom/));
  const child = spawn(process.execPath, [CLI, 'analyze', long, '--out', out], {
    env: { ...process.env, ATTUNE_MODELS_DIR: MODELS_DIR },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const started = new Promise<void>((done) =>
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (/faces/.test(stderr)) done();
    }),
  );
  await started;
  const interruptedAt = performance.now();
  child.kill('SIGINT');
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const tookMs = performance.now() - interruptedAt;
  assert.equal(code, 130, stderr);
  assert.ok(tookMs < 5000, `stopped in ${tookMs.toFixed(0)} ms`);
  assert.match(stderr, /What was analysed so far is kept in .+\.attune-resume: run the same command with --resume to carry on\.\nCancelled\. No results were saved\./);
  assert.ok(!existsSync(join(out, 'analysis.json')));
  assert.deepEqual(readdirSync(out), ['.attune-resume'], 'only the progress kept for --resume');
  assert.deepEqual(liveProcessesMatching(/(^|\/)ffmpeg$/, long), [], 'no ffmpeg still reading the file');
  const browsersAfter = liveProcessesMatching(/chrom/).filter((line) => !browsersBefore.has(line));
  assert.deepEqual(browsersAfter, [], 'no browser process left running');
});

test('if the command itself is killed outright, what it started stops too and nothing is left running', async () => {
  // On Linux bin/attune.mjs runs the analysis in a second process (bin/attune.mjs says why); killing the
  // first one, as a task manager or a closed terminal may, must not leave the analysis running unseen.
  const long = at('long-killed.mp4');
  ffmpeg('-stream_loop', '9', '-i', video('WolfgangLanger_Pexels.mp4'), '-c', 'copy', long);
  const child = spawn(process.execPath, [CLI, 'analyze', long, '--out', at('killed')], {
    env: { ...process.env, ATTUNE_MODELS_DIR: MODELS_DIR },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  await new Promise<void>((done) =>
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (/faces/.test(stderr)) done();
    }),
  );
  const started = processTree(child.pid!);
  assert.ok(started.length >= 3, `the launcher, the analysis, ffmpeg and the browser: ${started.length} processes`);
  child.kill('SIGKILL');
  const deadline = performance.now() + 10_000;
  while (runningProcesses(started).length > 0 && performance.now() < deadline) await new Promise((wait) => setTimeout(wait, 100));
  assert.deepEqual(runningProcesses(started), [], `still running 10 s after the command was killed:\n${stderr}`);
  assert.match(stderr, /Stopping…/, 'the analysis stopped as on Ctrl-C');
});
