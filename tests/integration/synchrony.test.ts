/**
 * Synchrony on a real constructed recording (tests/helpers/side-by-side.ts): two faces side by side,
 * the right one following the left by 0.6 s for 36 s and then someone else. Real ffmpeg, real MediaPipe,
 * the real CLI; the truth is how the file was made.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterAll, beforeAll, test } from 'vitest';
import type { Analysis } from '../../lib/analysis/types.ts';
import { runCli } from '../helpers/cli.ts';
import { scratch } from '../helpers/paths.ts';
import { assertValidAnalysis } from '../helpers/schema.ts';
import { GALLERY, makeSynchronyGallery } from '../helpers/side-by-side.ts';

const work = scratch('synchrony');
let analysis: Analysis;

beforeAll(async () => {
  const file = join(work.dir, 'gallery.mp4');
  makeSynchronyGallery(file);
  const out = join(work.dir, 'out');
  const run = await runCli(['analyze', file, '--out', out, '--quiet'], out);
  assert.equal(run.code, 0, run.stderr);
  assertValidAnalysis(run.analysis);
  analysis = run.analysis;
});
afterAll(() => work.remove());

const pairOf = (kind: string) => analysis.tracks.interaction!.find((p) => p.kind === kind)!;

test('both faces are tracked and their head- and body-movement synchrony are tracks of the pair', () => {
  assert.equal(analysis.tracks.face.length, 2);
  assert.deepEqual(analysis.tracks.interaction?.map((p) => [p.kind, ...p.personIds]), [
    ['head-movement-synchrony', 'p1', 'p2'],
    ['body-movement-synchrony', 'p1', 'p2'],
  ]);
});

for (const kind of ['head-movement-synchrony', 'body-movement-synchrony']) {
  test(`${kind}: in step beyond chance while one follows the other, at the lag it was made with; not after the switch`, () => {
    const pair = pairOf(kind);
    const windows = pair.t.map((t, i) => ({ t, i })).filter(({ i }) => pair.synchronyZ[i] !== null);
    // A 10-s window is "before" or "after" only when it lies wholly on one side of the switch.
    const half = pair.settings.windowSec / 2;
    const beforeSwitch = windows.filter(({ t }) => t + half <= GALLERY.switchSec);
    const afterSwitch = windows.filter(({ t }) => t - half >= GALLERY.switchSec);
    const share = (list: typeof windows): number => list.filter(({ i }) => pair.aboveChance[i] === 1).length / list.length;
    assert.ok(share(beforeSwitch) > 0.8, `above chance before: ${share(beforeSwitch)}`);
    assert.ok(share(afterSwitch) < 0.2, `above chance after: ${share(afterSwitch)}`);
    const lags = beforeSwitch.map(({ i }) => pair.lagSec[i]!);
    const atLag = lags.filter((lag) => Math.abs(lag - GALLERY.lagSec) < 0.21).length / lags.length;
    assert.ok(atLag > 0.8, `p2 follows p1 by ${GALLERY.lagSec} s in ${atLag} of the windows`);
    process.stdout.write(`# ${kind}: above chance ${share(beforeSwitch).toFixed(2)} before, ${share(afterSwitch).toFixed(2)} after; at the lag in ${atLag.toFixed(2)}\n`);
  });
}

test('one "moving in step stopped" marker, within half a window of the switch, with its evidence', () => {
  const drops = analysis.markers.filter((m) => m.kind === 'synchrony-drop');
  assert.equal(drops.length, 1, JSON.stringify(drops));
  const [drop] = drops;
  const pair = pairOf('head-movement-synchrony');
  assert.ok(Math.abs(drop!.startSec - GALLERY.switchSec) <= pair.settings.windowSec / 2, `starts at ${drop!.startSec}`);
  assert.equal(drop!.personId, null);
  assert.deepEqual(drop!.modality, ['interaction']);
  const [cue, bodyCue] = drop!.cues;
  assert.equal(cue!.feature, 'headMovementSynchrony');
  // Body movement went out of step at the same switch: one change, with both cues.
  assert.equal(bodyCue?.feature, 'bodyMovementSynchrony', JSON.stringify(drop!.cues));
  assert.match(drop!.summary, /head and body movements/);
  assert.ok(cue!.before! > pair.chanceZ && cue!.after! < pair.chanceZ, JSON.stringify(cue));
});
