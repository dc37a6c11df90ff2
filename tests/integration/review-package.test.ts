/**
 * `attune package create|open` as a user runs them, on an analysis the real pipeline made of a shared
 * recording and a notes file as the app exports it: the round trip gives back exactly what went in, and
 * every refusal is one sentence with its own exit code and nothing written.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Analysis } from '../../lib/analysis/types.ts';
import { notesFile } from '../../lib/export/notes-file.ts';
import { failureLine, runCli } from '../helpers/cli.ts';
import { scratch, video } from '../helpers/paths.ts';

const work = scratch('package');
after(() => work.remove());
const RECORDING = '01-01-03-01-01-02-05.mp4';
const NOTE_TEXT = 'She mentioned her brother Karl at 0:02';
let dir: string;
let analysis: Analysis;
let notesPath: string;
const passphrase = (name: string, text: string): string => {
  const path = join(work.dir, name);
  writeFileSync(path, `${text}\n`);
  return path;
};

before(async () => {
  dir = join(work.dir, 'analysed');
  const run = await runCli(['analyze', video(RECORDING), '--out', dir, '--quiet'], dir);
  assert.equal(run.code, 0, run.stderr);
  analysis = run.analysis as Analysis;
  const at = '2026-12-06T10:00:00.000Z';
  const note = { id: 'n1', sessionId: 's', authorRole: 'supervisor' as const, authorName: 'Dr. S.', startSec: 1, endSec: 2, markerId: null, text: NOTE_TEXT, tag: 'repair', rating: 4, ratingScale: 'Attune empathic responding (1–5)', createdAt: at, updatedAt: at };
  notesPath = join(work.dir, 'notes.json');
  writeFileSync(notesPath, JSON.stringify(notesFile(analysis.source.sha256, [note], null)));
});

test('create, then open with the right passphrase: exactly the tracks, markers and notes that went in, and nothing readable in the package', async () => {
  const pkg = join(work.dir, 'review.attune');
  const key = passphrase('key.txt', 'blue kettle morning rain');
  const made = await runCli(['package', 'create', dir, '--passphrase-file', key, '--notes', notesPath, '--out', pkg], dir);
  assert.equal(made.code, 0, made.stderr);
  assert.match(made.stderr, /^Sealed \d+ marker\(s\) and 1 note\(s\) of 01-01-03-01-01-02-05\.mp4 into .+review\.attune \(\d+ KB\)\. Send the passphrase another way/);

  const bytes = readFileSync(pkg);
  for (const secret of [NOTE_TEXT, 'Dr. S.', RECORDING, analysis.source.sha256, '"tracks"', 'blue kettle']) {
    assert.equal(bytes.includes(Buffer.from(secret)), false, `"${secret}" is not in the package in clear`);
  }

  const out = join(work.dir, 'opened');
  const opened = await runCli(['package', 'open', pkg, '--passphrase-file', key, '--out', out], out);
  assert.equal(opened.code, 0, opened.stderr);
  assert.match(opened.stderr, /^Opened review\.attune: \d+ marker\(s\) and 1 note\(s\) of 01-01-03-01-01-02-05\.mp4, written to /);
  assert.deepEqual(opened.outFiles.sort(), ['analysis.json', 'notes.json']);
  assert.deepEqual(opened.analysis, analysis);
  assert.deepEqual(JSON.parse(readFileSync(join(out, 'notes.json'), 'utf8')), JSON.parse(readFileSync(notesPath, 'utf8')));

  // What was opened is an ordinary analysis and notes file: the exports read them.
  const report = await runCli(['export', out, '--format', 'notes-csv', '--notes', join(out, 'notes.json')], out);
  assert.equal(report.code, 0, report.stderr);
});

test('wrong passphrase, damage, a newer package, not a package: one sentence, its own exit code, nothing written', async () => {
  const pkg = join(work.dir, 'sealed.attune');
  const key = passphrase('key2.txt', 'four words are enough');
  assert.equal((await runCli(['package', 'create', dir, '--passphrase-file', key, '--out', pkg, '--quiet'], dir)).code, 0);
  const good = readFileSync(pkg);
  const variant = (name: string, bytes: Buffer): string => {
    const path = join(work.dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const flipped = Buffer.from(good);
  flipped[good.length - 40]! ^= 0x80;
  const cases: [string, string, string, number, RegExp][] = [
    ['wrong passphrase', pkg, passphrase('wrong.txt', 'four words are enougH'), 7, /^attune: The passphrase does not open sealed\.attune\. Check it with the person who sent the package\.$/],
    ['changed', variant('changed.attune', flipped), key, 8, /^attune: changed\.attune is damaged or was changed after it was made \(its contents do not match their seal, or its end is missing\), so nothing was opened\./],
    ['cut short', variant('cut.attune', good.subarray(0, good.length - 500)), key, 8, /is damaged or was changed after it was made/],
    ['newer', variant('newer.attune', Buffer.from(good.toString('latin1').replace('"version":1', '"version":7'), 'latin1')), key, 9, /made by a newer version of Attune \(package version 7\)\. Update Attune to open it\.$/],
    ['not a package', variant('notes.attune', readFileSync(notesPath)), key, 8, /^attune: notes\.attune is not an Attune review package\.$/],
    ['missing', join(work.dir, 'nowhere.attune'), key, 8, /^attune: There is no file at .+nowhere\.attune\.$/],
  ];
  for (const [what, file, keyFile, code, message] of cases) {
    const out = join(work.dir, `out-${what.replaceAll(' ', '-')}`);
    const run = await runCli(['package', 'open', file, '--passphrase-file', keyFile, '--out', out], out);
    assert.equal(run.code, code, `${what}: ${run.stderr}`);
    assert.match(failureLine(run), message, what);
    assert.deepEqual(run.outFiles, [], `${what}: nothing written`);
  }
});

test('a short passphrase, a missing passphrase file and an occupied folder are refused before anything is written', async () => {
  const pkg = join(work.dir, 'short.attune');
  const short = await runCli(['package', 'create', dir, '--passphrase-file', passphrase('short.txt', 'kettle'), '--out', pkg], dir);
  assert.equal(short.code, 2);
  assert.match(failureLine(short), /The passphrase must be at least 10 characters/);
  assert.equal(readdirSync(work.dir).includes('short.attune'), false);
  const none = await runCli(['package', 'create', dir, '--out', pkg], dir);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /--passphrase-file <file> is needed/);

  const key = passphrase('key3.txt', 'a long enough passphrase');
  assert.equal((await runCli(['package', 'create', dir, '--passphrase-file', key, '--out', pkg, '--quiet'], dir)).code, 0);
  const occupied = join(work.dir, 'occupied');
  mkdirSync(occupied);
  writeFileSync(join(occupied, 'analysis.json'), '{"mine":true}');
  const run = await runCli(['package', 'open', pkg, '--passphrase-file', key, '--out', occupied], occupied);
  assert.equal(run.code, 5);
  assert.match(failureLine(run), /already holds analysis\.json; nothing was written\. Choose an empty folder\.$/);
  assert.equal(readFileSync(join(occupied, 'analysis.json'), 'utf8'), '{"mine":true}');
});
