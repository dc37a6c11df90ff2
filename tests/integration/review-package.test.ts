/**
 * `attune package create|open` as a user runs them, on an analysis the real pipeline made of a shared
 * recording and a notes file as the app exports it: the round trip gives back exactly what went in, and
 * every refusal is one sentence with its own exit code and nothing written.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, test } from 'vitest';
import type { Analysis } from '../../lib/analysis/types.ts';
import { CLIP_CONTEXT_SEC } from '../../lib/clips/clip-windows.ts';
import { notesFile } from '../../lib/export/notes-file.ts';
import { failureLine, runCli } from '../helpers/cli.ts';
import { scratch, video } from '../helpers/paths.ts';

const work = scratch('package');
afterAll(() => work.remove());
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

beforeAll(async () => {
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

const probe = (file: string): { duration: number; streams: string[]; tags: string } => {
  const out = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration:format_tags:stream=codec_type', '-of', 'json', file], { encoding: 'utf8' })) as {
    format: { duration: string; tags?: Record<string, string> };
    streams: { codec_type: string }[];
  };
  return { duration: Number(out.format.duration), streams: out.streams.map((s) => s.codec_type), tags: JSON.stringify(out.format.tags ?? {}) };
};

test('--clips: one short clip per marker (or those named) cut from the recording, only under consent that covers supervision', async () => {
  const recording = video('multi_face.avi');
  const analysed = join(work.dir, 'multi');
  const run = await runCli(['analyze', recording, '--out', analysed, '--quiet'], analysed);
  assert.equal(run.code, 0, run.stderr);
  const multi = run.analysis as Analysis;
  assert.ok(multi.markers.length >= 2, 'the two-person clip has markers to cut clips of');
  const key = passphrase('key-clips.txt', 'clips need consent too');
  const consent = (name: string, purposes: string[]): string => {
    const path = join(work.dir, name);
    writeFileSync(path, JSON.stringify({ consentedBy: 'Client A', consentedAt: '2026-12-01T10:00:00.000Z', purposes, retainUntil: '2027-12-01', recordedAt: '2026-12-01T10:05:00.000Z' }));
    return path;
  };
  const supervision = consent('consent.json', ['self-review', 'supervision']);
  const pkg = join(work.dir, 'clips.attune');
  const made = await runCli(['package', 'create', analysed, '--passphrase-file', key, '--consent', supervision, '--clips', '--recording', recording, '--out', pkg], analysed);
  assert.equal(made.code, 0, made.stderr);
  assert.match(made.stderr, new RegExp(`and ${multi.markers.length} clip\\(s\\) of multi_face\\.avi`));
  const bytes = readFileSync(pkg);
  // Needles of 8 bytes or more: a 4-byte one ('moof') turned up by chance in the random ciphertext of a
  // few megabytes (about one run in a thousand). The clips' own bytes are checked once they are opened.
  for (const clear of ['Client A', 'clips/m1']) assert.equal(bytes.includes(Buffer.from(clear)), false, `"${clear}" is not in the package in clear`);

  const out = join(work.dir, 'opened-clips');
  const opened = await runCli(['package', 'open', pkg, '--passphrase-file', key, '--out', out], out);
  assert.equal(opened.code, 0, opened.stderr);
  assert.deepEqual(opened.outFiles.sort(), ['analysis.json', 'clips', 'consent.json']);
  assert.deepEqual(readdirSync(join(out, 'clips')).sort(), multi.markers.map((m) => `${m.id}.mp4`).sort());
  for (const marker of multi.markers) {
    const clip = probe(join(out, 'clips', `${marker.id}.mp4`));
    const expected = Math.min(multi.source.durationSec, marker.endSec + CLIP_CONTEXT_SEC) - Math.max(0, marker.startSec - CLIP_CONTEXT_SEC);
    assert.ok(Math.abs(clip.duration - expected) < 0.2, `${marker.id}: ${clip.duration} s, expected ${expected} s`);
    assert.deepEqual(clip.streams, ['video'], 'the recording has no sound, so neither has the clip');
    assert.doesNotMatch(clip.tags, /multi_face|title|comment/i, 'no metadata of the recording travels');
    const head = readFileSync(join(out, 'clips', `${marker.id}.mp4`)).subarray(0, 64);
    assert.equal(bytes.includes(head), false, `${marker.id}.mp4's first bytes are not in the package in clear`);
  }
  assert.deepEqual(JSON.parse(readFileSync(join(out, 'consent.json'), 'utf8')).purposes, ['self-review', 'supervision']);

  // Only the markers named.
  const one = join(work.dir, 'one-clip.attune');
  const named = await runCli(['package', 'create', analysed, '--passphrase-file', key, '--consent', supervision, '--clips', '--recording', recording, '--markers', multi.markers[0]!.id, '--out', one, '--quiet'], analysed);
  assert.equal(named.code, 0, named.stderr);
  const oneOut = join(work.dir, 'opened-one');
  assert.equal((await runCli(['package', 'open', one, '--passphrase-file', key, '--out', oneOut, '--quiet'], oneOut)).code, 0);
  assert.deepEqual(readdirSync(join(oneOut, 'clips')), [`${multi.markers[0]!.id}.mp4`]);

  // De-identified: the clip drawn from the landmarks, the file name and the consenting name left out.
  const drawn = join(work.dir, 'drawn.attune');
  const deid = await runCli(['package', 'create', analysed, '--passphrase-file', key, '--consent', supervision, '--clips', '--deidentify', '--recording', recording, '--markers', multi.markers[0]!.id, '--out', drawn], analysed);
  assert.equal(deid.code, 0, deid.stderr);
  assert.match(deid.stderr, /Drawing the clip of marker m1 \(1 of 1\)…\nSealed .+ and 1 de-identified clip\(s\) .+ Names and the file name were left out; read the notes’ text for names before sending\.\n$/);
  const drawnOut = join(work.dir, 'opened-drawn');
  const drawnOpened = await runCli(['package', 'open', drawn, '--passphrase-file', key, '--out', drawnOut], drawnOut);
  assert.equal(drawnOpened.code, 0, drawnOpened.stderr);
  assert.equal((drawnOpened.analysis as Analysis).source.file, 'recording.avi');
  assert.deepEqual((drawnOpened.analysis as Analysis).markers, multi.markers, 'the markers travel unchanged');
  assert.equal(JSON.parse(readFileSync(join(drawnOut, 'consent.json'), 'utf8')).consentedBy, 'the client (name left out)');
  assert.ok(Math.abs(probe(join(drawnOut, 'clips', 'm1.mp4')).duration - (Math.min(multi.markers[0]!.endSec + CLIP_CONTEXT_SEC, multi.source.durationSec) - Math.max(0, multi.markers[0]!.startSec - CLIP_CONTEXT_SEC))) < 0.25);

  // Refusals: each one sentence, exit 2, no package written.
  const refused: [string, string[], RegExp][] = [
    ['self-review only', ['--consent', consent('self.json', ['self-review']), '--clips', '--recording', recording], /covers self-review, not supervision, so no clips of the session can be shared\.$/],
    ['no consent', ['--clips', '--recording', recording], /--clips needs the client’s consent record, covering supervision: --consent <file>\.$/],
    ['no recording', ['--consent', supervision, '--clips'], /--clips needs the recording the clips are cut from: --recording <file>\.$/],
    ['another recording', ['--consent', supervision, '--clips', '--recording', video(RECORDING)], /^attune: 01-01-03-01-01-02-05\.mp4 is not the recording this analysis is of \(multi_face\.avi\); nothing was sealed\.$/],
    ['unknown marker', ['--consent', supervision, '--clips', '--recording', recording, '--markers', 'm99'], /^attune: The analysis has no marker m99; its markers are m1, /],
    ['not a consent record', ['--consent', notesPath, '--clips', '--recording', recording], /is not a consent record Attune can read/],
  ];
  for (const [what, extra, message] of refused) {
    const target = join(work.dir, `refused-${what.replaceAll(' ', '-')}.attune`);
    const result = await runCli(['package', 'create', analysed, '--passphrase-file', key, ...extra, '--out', target], analysed);
    assert.equal(result.code, 2, `${what}: ${result.stderr}`);
    assert.match(failureLine(result), message, what);
    assert.equal(readdirSync(work.dir).includes(`refused-${what.replaceAll(' ', '-')}.attune`), false, `${what}: nothing written`);
  }
});
