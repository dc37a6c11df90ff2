/**
 * `npm run bench`: throughput (× real time, frames/s) and peak memory of every stage and end to end, on
 * long inputs built by looping shared recordings (10 and 60 minutes, so memory growth would show), and
 * end to end as a multiple of the decode floor measured in the same run (a ratio that holds on any machine).
 * Not a test: it prints numbers to quote, and fails only if a stage fails.
 */
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { decodeAudio } from '../../main/media/decode-audio.ts';
import { decodeVideoFrames } from '../../main/media/decode-video.ts';
import { probeMedia } from '../../main/media/probe.ts';
import { analyzeAudio } from '../../main/pipeline/audio/analyze-audio.ts';
import { DEFAULT_VISION_FPS, DEFAULT_VISION_MAX_SIDE } from '../../main/pipeline/analyze.ts';
import { runVisionStage } from '../../main/pipeline/run-vision.ts';
import { startChromiumVision } from '../../main/vision/headless/chromium-vision.ts';
import type { VisionModels } from '../../main/vision/vision-files.ts';
import type { ModelCost } from '../../lib/vision/types.ts';
import { verifiedVisionModels } from '../../main/vision/vision-models.ts';
import type { Analysis } from '../../lib/analysis/types.ts';
import { runCli } from '../helpers/cli.ts';
import { MODELS_DIR, video } from '../helpers/paths.ts';
import { RssSampler } from './rss-sampler.ts';
import { BENCH_OUTPUT, longInput } from './bench-session.ts';

const minutes = (process.env.ATTUNE_BENCH_MINUTES ?? '10,60').split(',').map(Number);

interface Row {
  stage: string;
  mediaSec: number;
  wallSec: number;
  frames: number | null;
  sampler: RssSampler;
}

async function measure(stage: string, mediaSec: number, body: () => Promise<number | null>, self = true): Promise<Row> {
  const sampler = new RssSampler(self);
  sampler.start();
  const started = performance.now();
  const frames = await body();
  const wallSec = (performance.now() - started) / 1000;
  sampler.stop();
  const row = { stage, mediaSec, wallSec, frames, sampler };
  print(row);
  return row;
}

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;

function print(row: Row): void {
  const speed = `${(row.mediaSec / row.wallSec).toFixed(1)}× real time`;
  const fps = row.frames === null ? '' : `, ${(row.frames / row.wallSec).toFixed(1)} frames/s`;
  const kinds = [...row.sampler.peakPssByKind].filter(([, v]) => v >= 2 ** 20).map(([k, v]) => `${k} ${mb(v)}`).join(', ');
  console.warn(`${row.stage.padEnd(34)} ${row.wallSec.toFixed(1).padStart(6)} s  ${speed}${fps}; peak memory: PSS ${mb(row.sampler.peakPssTotal)}, RSS ${mb(row.sampler.peakTotal)}`);
  console.warn(`  peak PSS by process: ${kinds}`);
}

/**
 * Where the vision stage's time goes: each model's time per call, inside a worker (the workers share the
 * cores), and the speed the models alone allow on this machine's cores: however good the rest, the
 * analysis cannot be faster than its model calls spread over every core.
 */
function printModelCost(cost: ModelCost, mediaSec: number): void {
  const parts = Object.entries(cost).map(([kind, { frames, ms }]) => `${kind} model ${frames} frames, ${(ms / Math.max(1, frames)).toFixed(1)} ms each (${(ms / 1000).toFixed(1)} s in all)`);
  console.warn(`  in the workers: ${parts.join('; ')}`);
  const modelSec = Object.values(cost).reduce((sum, { ms }) => sum + ms, 0) / 1000;
  const cores = availableParallelism();
  console.warn(`  the model calls alone: ${modelSec.toFixed(0)} CPU-seconds, so at most ${((mediaSec * cores) / modelSec).toFixed(1)}× real time on ${cores} cores`);
}

/**
 * What a used engine pays to start each further recording with fresh workers (vision-pool.ts): the
 * same short clip timed on the page's first workers and then twice more on replacements.
 */
async function workerRestartCost(models: VisionModels): Promise<void> {
  const clip = video('01-01-01-01-02-01-05.mp4');
  const engine = await startChromiumVision({ models });
  try {
    const seconds: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      await runVisionStage(decodeVideoFrames(clip, { fps: DEFAULT_VISION_FPS, maxSide: DEFAULT_VISION_MAX_SIDE }), engine, () => undefined);
      seconds.push((performance.now() - started) / 1000);
    }
    const [first, ...later] = seconds as [number, ...number[]];
    const extra = later.reduce((a, b) => a + b, 0) / later.length - first;
    console.warn(`new recording on a used engine (fresh workers): +${extra.toFixed(2)} s each (3-s clip: ${seconds.map((s) => s.toFixed(2)).join(' s, ')} s)\n`);
  } finally {
    await engine.close();
  }
}

async function main(): Promise<void> {
  const models = (await verifiedVisionModels(MODELS_DIR)).files;
  console.warn(`Attune benchmark: ${DEFAULT_VISION_FPS} analysed frames/s, frames scaled to ${DEFAULT_VISION_MAX_SIDE} px, CPU only.\n`);
  await workerRestartCost(models);
  for (const min of minutes) {
    const file = longInput(min);
    const { durationSec } = await probeMedia(file);
    console.warn(`— ${min}-minute session (${file})`);
    const floor = await measure('floor: ffmpeg video decode alone', durationSec, async () => {
      let n = 0;
      for await (const frame of decodeVideoFrames(file, { fps: DEFAULT_VISION_FPS, maxSide: DEFAULT_VISION_MAX_SIDE })) n += frame.width > 0 ? 1 : 0;
      return n;
    });
    await measure('floor: ffmpeg audio decode alone', durationSec, async () => {
      for await (const chunk of decodeAudio(file)) void chunk;
      return null;
    });
    await measure('audio stage (decode + worker)', durationSec, async () => {
      await analyzeAudio(decodeAudio(file));
      return null;
    });
    let cost: ModelCost | null = null;
    await measure('vision stage (decode + Chromium)', durationSec, async () => {
      const engine = await startChromiumVision({ models });
      try {
        return await runVisionStage(decodeVideoFrames(file, { fps: DEFAULT_VISION_FPS, maxSide: DEFAULT_VISION_MAX_SIDE }), engine, () => undefined);
      } finally {
        cost = engine.modelCost();
        await engine.close();
      }
    });
    if (cost) printModelCost(cost, durationSec);
    // The command itself, as a user runs it: its memory is the product's, not this script's TypeScript loader.
    const endToEnd = await measure('end to end (attune analyze)', durationSec, async () => {
      const out = join(BENCH_OUTPUT, `analysis-${min}min`);
      rmSync(out, { recursive: true, force: true });
      const run = await runCli(['analyze', file, '--out', out, '--quiet'], out, 4 * 3600_000);
      if (run.code !== 0) throw new Error(`attune analyze failed:\n${run.stderr}`);
      return (run.analysis as Analysis).tracks.face[0]?.t.length ?? 0;
    }, false);
    console.warn(`end to end takes ${(endToEnd.wallSec / floor.wallSec).toFixed(2)}× the decode floor's time (goal: 1.25×)`);
    console.warn('');
  }
}

await main();
