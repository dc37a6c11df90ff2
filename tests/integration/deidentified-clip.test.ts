/**
 * A de-identified clip of a real recording (a RAVDESS actor, face and voice): drawn from the landmarks
 * the real face model finds, with the voice pitch-shifted. Checked against the recording with outside
 * measures: ffmpeg's SSIM for the picture (the plain clip of the same stretch is the control that shows
 * SSIM sees resemblance), and the app's own pitch tracker (within 1–6 % of Praat) for the voice.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, test } from 'vitest';
import { AudioFrameAnalyser } from '../../lib/audio/frame-analyser.ts';
import type { ClipWindow } from '../../lib/clips/clip-windows.ts';
import { cutClip } from '../../main/clips/cut-clip.ts';
import { deidentifiedClip, PITCH_FACTOR } from '../../main/clips/deidentified-clip.ts';
import { decodeAudio } from '../../main/media/decode-audio.ts';
import type { HeadlessVisionEngine } from '../../main/vision/headless/chromium-vision.ts';
import { startChromiumVision } from '../../main/vision/headless/chromium-vision.ts';
import { scratch, video, visionModels } from '../helpers/paths.ts';

const work = scratch('deidentified');
const SOURCE = video('01-01-03-01-01-02-05.mp4');
const WINDOW: ClipWindow = { markerId: 'm1', startSec: 0, endSec: 3.2 };
let engine: HeadlessVisionEngine;
let drawn: string;
let plain: string;

beforeAll(async () => {
  engine = await startChromiumVision({ models: await visionModels(), faceLandmarks: true });
  drawn = join(work.dir, 'drawn.mp4');
  plain = join(work.dir, 'plain.mp4');
  writeFileSync(drawn, await deidentifiedClip(SOURCE, WINDOW, engine, 48_000));
  writeFileSync(plain, await cutClip(SOURCE, WINDOW));
});
afterAll(async () => {
  await engine?.close();
  work.remove();
});

/** SSIM (luma) of each frame of `clip` against the recording at the same moment, both at 15 frames/s, 640×360. */
function ssimAgainstSource(clip: string): number[] {
  const stats = join(work.dir, 'ssim.log');
  execFileSync('ffmpeg', [
    '-nostdin', '-v', 'error', '-i', clip, '-t', String(WINDOW.endSec), '-i', SOURCE,
    '-lavfi', `[0:v]scale=640:360,format=gray,setpts=PTS-STARTPTS[a];[1:v]fps=15,scale=640:360,format=gray,setpts=PTS-STARTPTS[b];[a][b]ssim=stats_file=${stats}`,
    '-f', 'null', '-',
  ]);
  return execFileSync('cat', [stats], { encoding: 'utf8' }).trim().split('\n').map((line) => Number(/All:([\d.]+)/.exec(line)?.[1]));
}

/** Grey levels of one frame of a clip, at its own size. */
function greyFrame(clip: string, atSec: number): Buffer {
  return execFileSync('ffmpeg', ['-nostdin', '-v', 'error', '-ss', String(atSec), '-i', clip, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1']);
}

test('no frame of the drawn clip resembles the recording, while the plain clip of the same stretch does', () => {
  const control = ssimAgainstSource(plain);
  const deidentified = ssimAgainstSource(drawn);
  assert.ok(deidentified.length >= 45, `${deidentified.length} frames compared`);
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  assert.ok(mean(control) > 0.9, `the plain clip resembles its source (SSIM ${mean(control).toFixed(3)})`);
  assert.ok(Math.max(...deidentified) < 0.35, `no drawn frame resembles its source (highest SSIM ${Math.max(...deidentified).toFixed(3)})`);
});

test('the drawing is there: the face outline in the middle of the picture, where the actor is', () => {
  const grey = greyFrame(drawn, 1.5);
  const width = 640;
  const height = grey.length / width;
  let lit = 0;
  let sumX = 0;
  let sumY = 0;
  grey.forEach((v, i) => {
    if (v > 120) {
      lit++;
      sumX += i % width;
      sumY += Math.floor(i / width);
    }
  });
  assert.ok(lit > 0.005 * grey.length && lit < 0.2 * grey.length, `${lit} drawn pixels of ${grey.length}`);
  // The actor faces the camera in the middle of the frame.
  assert.ok(Math.abs(sumX / lit - width / 2) < width * 0.15 && sumY / lit < height * 0.8, `drawing centred at ${Math.round(sumX / lit)}, ${Math.round(sumY / lit)}`);
});

test('the voice is there, higher by the pitch factor, and as long as the stretch', async () => {
  const medianF0 = async (file: string, seconds: number): Promise<number> => {
    const analyser = new AudioFrameAnalyser();
    for await (const chunk of decodeAudio(file)) analyser.push(chunk);
    const f0 = [...analyser.finish().f0Hz].slice(0, Math.round(seconds * 100)).filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
    assert.ok(f0.length > 50, `${file}: voiced frames found`);
    return f0[Math.floor(f0.length / 2)]!;
  };
  const source = await medianF0(SOURCE, WINDOW.endSec);
  const shifted = await medianF0(drawn, WINDOW.endSec);
  const ratio = shifted / source;
  assert.ok(Math.abs(ratio - PITCH_FACTOR) < 0.06, `median F0 ${source.toFixed(0)} Hz → ${shifted.toFixed(0)} Hz (×${ratio.toFixed(3)}, expected ×${PITCH_FACTOR})`);
  const duration = Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', drawn], { encoding: 'utf8' }));
  assert.ok(Math.abs(duration - (WINDOW.endSec - WINDOW.startSec)) < 0.25, `${duration} s`);
});
