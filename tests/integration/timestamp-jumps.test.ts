/**
 * Recordings whose clocks jump backwards mid-file are analysed to the end, on one time line that never
 * goes back, through the real `attune analyze`. Both files are the neutral clip followed by the happy
 * one, so the later part must be seen as the smiling clip — proof that it was analysed, not dropped.
 */
import assert from 'node:assert/strict';
import { afterAll, describe, test } from 'vitest';
import type { Analysis } from '../../lib/analysis/types.ts';
import { runCli } from '../helpers/cli.ts';
import { scratch } from '../helpers/paths.ts';
import { assertValidAnalysis } from '../helpers/schema.ts';
import { rewoundMatroska, splicedTransportStream } from '../helpers/spliced.ts';

const tmp = scratch('jumps');
afterAll(tmp.remove);

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

function assertWholeTimeline(analysis: Analysis, lengthSec: number, joinSec: number): void {
  const face = analysis.tracks.face[0];
  assert.ok(face, 'a face track');
  face.t.forEach((t, i) => i > 0 && assert.ok(t > face.t[i - 1]!, `frame times go back at ${face.t[i - 1]} → ${t}`));
  assert.ok(face.t[0]! < 0.25, `the first frame is at ${face.t[0]} s`);
  assert.ok(face.t.at(-1)! >= lengthSec - 0.5, `frames end at ${face.t.at(-1)} s of about ${lengthSec}`);
  assert.ok(face.t.length >= 5 * (lengthSec - 0.5), `${face.t.length} frames at 5 a second for ${lengthSec} s`);
  const present = face.presence.filter((p) => p === 1).length;
  assert.ok(present >= 0.9 * face.t.length, `a face in ${present} of ${face.t.length} frames`);
  const voice = analysis.tracks.voice[0];
  assert.ok(voice && voice.t.at(-1)! >= lengthSec - 0.5, `the voice track ends at ${voice?.t.at(-1)} s`);
  assert.ok(analysis.source.durationSec >= lengthSec - 0.3, `durationSec ${analysis.source.durationSec}`);
  const smile = (from: number, to: number): number =>
    mean(face.t.flatMap((t, i) => (t >= from && t < to && face.blendshapes.mouthSmileLeft![i] !== null ? [face.blendshapes.mouthSmileLeft![i]!] : [])));
  const [before, later] = [smile(0.5, joinSec - 0.3), smile(joinSec + 0.8, lengthSec)];
  assert.ok(later > before + 0.2, `smile before the join ${before.toFixed(2)}, after ${later.toFixed(2)}`);
}

describe('recordings whose timestamps jump backwards', { timeout: 300_000 }, () => {
  test('an MPEG-TS splice of two clips, each with its clock from 1.4 s, is analysed to the end', async () => {
    const file = splicedTransportStream(tmp.dir);
    const run = await runCli(['analyze', file, '--out', `${tmp.dir}/ts`, '--quiet'], `${tmp.dir}/ts`);
    assert.equal(run.code, 0, run.stderr);
    assertValidAnalysis(run.analysis);
    assertWholeTimeline(run.analysis, 6.4, 3.2);
  });

  test('a Matroska file whose clock is set back 2.5 s mid-file is analysed to the end', async () => {
    const { file, jumpSec, lengthSec } = rewoundMatroska(tmp.dir);
    const run = await runCli(['analyze', file, '--out', `${tmp.dir}/mkv`, '--quiet'], `${tmp.dir}/mkv`);
    assert.equal(run.code, 0, run.stderr);
    assertValidAnalysis(run.analysis);
    assertWholeTimeline(run.analysis, lengthSec, jumpSec);
  });
});
