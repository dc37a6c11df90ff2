/**
 * `attune export` as a user runs it, on analyses the real pipeline made of the shared recordings, with
 * the outside tools each format is for: ELAN's official schema (xmllint), pympi-ling when it can be
 * installed, ffmpeg's WebVTT reader, and Chromium's print to PDF read back by poppler.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import type { Analysis } from '../../lib/analysis/types.ts';
import { notesFile } from '../../lib/export/notes-file.ts';
import type { NoticeRun } from '../../lib/ipc/supervision-channels.ts';
import { compareNoticing } from '../../lib/notice/compare.ts';
import { analysisReportHtml } from '../../lib/export/report-html.ts';
import { renderPdf } from '../../main/export/render-pdf.ts';
import { failureLine, runCli } from '../helpers/cli.ts';
import { REPO, scratch, video } from '../helpers/paths.ts';

const XSD = join(REPO, 'tests', 'fixtures', 'eaf', 'EAFv3.0.xsd');
const PAGES = join(REPO, 'test-output', 'export');
const work = scratch('export');
const analysed: Record<'multi' | 'happy', { dir: string; analysis: Analysis }> = {} as never;

const hasPympi = spawnSync('python3', ['-c', 'import pympi'], { stdio: 'ignore' }).status === 0;

beforeAll(async () => {
  for (const [key, file] of [['multi', 'multi_face.avi'], ['happy', '01-01-03-01-01-02-05.mp4']] as const) {
    const dir = join(work.dir, key);
    const run = await runCli(['analyze', video(file), '--out', dir, '--quiet'], dir);
    assert.equal(run.code, 0, run.stderr);
    analysed[key] = { dir, analysis: run.analysis as Analysis };
  }
  // The checks below are only meaningful if there is something to export.
  assert.ok(analysed.multi.analysis.markers.length > 0 && analysed.multi.analysis.tracks.face.length === 2);
  assert.ok((analysed.happy.analysis.tracks.speech ?? []).length > 0);
});
afterAll(() => work.remove());

async function exported(key: 'multi' | 'happy', format: string, out: string): Promise<string> {
  const run = await runCli(['export', analysed[key].dir, '--format', format, '--out', out], analysed[key].dir);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /^Exported \d+ marker\(s\) of .+ as /);
  return out;
}

describe('ELAN', () => {
  for (const key of ['multi', 'happy'] as const) {
    test(`the ${key} export validates against the official EAF 3.0 schema`, async () => {
      const eaf = await exported(key, 'eaf', join(work.dir, `${key}.eaf`));
      const result = spawnSync('xmllint', ['--noout', '--schema', XSD, eaf], { encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stderr, /validates/);
      const text = readFileSync(eaf, 'utf8');
      const markerTiers = [...text.matchAll(/LINGUISTIC_TYPE_REF="attune-marker"/g)].length;
      assert.ok(markerTiers >= new Set(analysed[key].analysis.markers.map((m) => `${m.personId}|${m.kind}`)).size);
      const { markers, tracks } = analysed[key].analysis;
      const tiers = text.split('<TIER ').slice(1);
      const annotations = (type: string) =>
        tiers.filter((t) => t.startsWith(`LINGUISTIC_TYPE_REF="${type}"`)).reduce((n, t) => n + [...t.matchAll(/<ALIGNABLE_ANNOTATION /g)].length, 0);
      assert.equal(annotations('attune-marker'), markers.length, 'every marker');
      assert.equal(annotations('attune-reason'), markers.filter((m) => (m.missedBecause ?? []).length > 0).length, 'every marker with a reason');
      const speechTiers = tiers.filter((t) => t.startsWith('LINGUISTIC_TYPE_REF="attune-speech"')).length;
      assert.equal(speechTiers, tracks.voice.some((v) => v.personId !== null) ? tracks.voice.length : Math.min(1, (tracks.speech ?? []).length), 'a speech tier per voice');
    });
  }

  test('pympi-ling reads every marker back with its times', async (context) => {
    context.skip(!hasPympi, 'pympi-ling is not installed (PyPI could not be reached when .ci/run ran)');
    const eaf = await exported('multi', 'eaf', join(work.dir, 'pympi.eaf'));
    const script = [
      'import json, sys, pympi',
      'e = pympi.Elan.Eaf(sys.argv[1])',
      'print(json.dumps(sorted([[a[0], a[1]] for t in e.get_tier_names() if e.tiers[t][0] for a in e.get_annotation_data_for_tier(t) if "Speech" not in t and "Why easy" not in t])))',
    ].join('\n');
    const spans = JSON.parse(execFileSync('python3', ['-c', script, eaf], { encoding: 'utf8' })) as number[][];
    const expected = analysed.multi.analysis.markers.map((m) => [Math.round(m.startSec * 1000), Math.round(m.endSec * 1000)]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    assert.deepEqual(spans, expected);
  });
});

test('WebVTT: ffmpeg reads one subtitle cue per marker', async () => {
  const vtt = await exported('multi', 'vtt', join(work.dir, 'multi.vtt'));
  const srt = execFileSync('ffmpeg', ['-nostdin', '-v', 'error', '-i', vtt, '-f', 'srt', '-'], { encoding: 'utf8' });
  const cues = srt.trim().split(/\r?\n\r?\n/);
  assert.equal(cues.length, analysed.multi.analysis.markers.length);
  assert.match(cues[0]!, /–/);
});

test('frames CSV: one row per analysed frame per person, carrying the analysis values', async () => {
  const csv = readFileSync(await exported('multi', 'csv', join(work.dir, 'multi.csv')), 'utf8');
  const [header, ...rows] = csv.trimEnd().split('\r\n').map((line) => line.split(','));
  const { face } = analysed.multi.analysis.tracks;
  assert.equal(rows.length, face[0]!.t.length + face[1]!.t.length);
  const col = (name: string): number => header!.indexOf(name);
  const p2 = rows.filter((r) => r[col('face_id')] === 'p2');
  const k = p2.findIndex((r) => r[col('success')] === '1');
  const jaw = face[1]!.blendshapes.jawOpen![k];
  assert.equal(Number(p2[k]![col('jawOpen')]), jaw);
  assert.equal(Number(p2[k]![col('timestamp')]), face[1]!.t[k]);
});

describe('report', () => {
  test('prints to a PDF whose text holds every marker, and whose pages render', async () => {
    const pdf = await exported('multi', 'pdf', join(work.dir, 'multi.pdf'));
    assert.equal(readFileSync(pdf).subarray(0, 5).toString(), '%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.match(text, /Attune session report/);
    assert.match(text, /They are not emotions and not a diagnosis/);
    assert.match(text, new RegExp(`Markers \\(${analysed.multi.analysis.markers.length}\\)`));
    for (const m of analysed.multi.analysis.markers) assert.ok(text.includes(m.summary.replace(/\s+/g, ' ').slice(0, 30)), m.summary);
    mkdirSync(PAGES, { recursive: true });
    execFileSync('pdftoppm', ['-r', '50', '-png', pdf, join(PAGES, 'multi-report')]);
    assert.ok(readdirSync(PAGES).filter((f) => f.startsWith('multi-report')).length >= 1);
  });

  test('the HTML report is self-contained: rendering it asks for nothing, and a stray reference is caught', async () => {
    const clean = await renderPdf(analysisReportHtml(analysed.happy.analysis));
    assert.deepEqual(clean.blockedRequests, []);
    const stray = await renderPdf('<!DOCTYPE html><p>x</p><img src="http://example.com/tracker.png">');
    assert.deepEqual(stray.blockedRequests, ['http://example.com/tracker.png']);
  });
});

describe('when export cannot be done', () => {
  test('each problem is one plain sentence with its exit code, and nothing is written', async () => {
    const bad = join(work.dir, 'bad');
    mkdirSync(bad);
    const good = readFileSync(join(analysed.multi.dir, 'analysis.json'), 'utf8');
    writeFileSync(join(bad, 'cut.json'), good.slice(0, good.length / 2));
    writeFileSync(join(bad, 'other.json'), '{"hello": "world"}');
    writeFileSync(join(bad, 'newer.json'), JSON.stringify({ ...JSON.parse(good), version: 2 }));
    const cases: [string[], number, RegExp][] = [
      [[join(bad, 'missing.json'), '--format', 'eaf'], 6, /There is no file at/],
      [[bad, '--format', 'eaf'], 6, /has no analysis\.json in it/],
      [[join(bad, 'cut.json'), '--format', 'eaf'], 6, /damaged or cut short/],
      [[join(bad, 'other.json'), '--format', 'eaf'], 6, /is not an Attune analysis file/],
      [[join(bad, 'newer.json'), '--format', 'eaf'], 6, /newer version of Attune/],
      [[join(bad, 'cut.json'), '--format', 'docx'], 2, /--format must be one of eaf, csv, markers-csv, vtt, html, pdf, notes-csv, not "docx"/],
    ];
    for (const [args, code, message] of cases) {
      const run = await runCli(['export', ...args, '--out', join(bad, 'out.eaf')], bad);
      assert.equal(run.code, code, `${args.join(' ')}: ${run.stderr}`);
      assert.match(code === 2 ? run.stderr.split('\n')[0]! : failureLine(run), message);
    }
    assert.deepEqual(readdirSync(bad).sort(), ['cut.json', 'newer.json', 'other.json']);
  });

  test('a path that is a file gets exit 5 and the file is untouched', async () => {
    const blocker = join(work.dir, 'blocker');
    writeFileSync(blocker, 'not a folder');
    const run = await runCli(['export', analysed.multi.dir, '--format', 'html', '--out', join(blocker, 'report.html')], work.dir);
    assert.equal(run.code, 5);
    assert.match(failureLine(run), /part of that path is a file, not a folder/);
    assert.equal(readFileSync(blocker, 'utf8'), 'not a folder');
  });
});

test('by default the export lands beside analysis.json, named after the recording, with no temporary files', async () => {
  const run = await runCli(['export', join(analysed.happy.dir, 'analysis.json'), '--format', 'markers-csv', '--quiet'], analysed.happy.dir);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, '');
  assert.deepEqual(run.outFiles.sort(), ['01-01-03-01-01-02-05.markers.csv', 'analysis.json']);
});

describe('notes and ratings from the app (--notes)', () => {
  /** A notes file as the app exports it, for the multi-person analysis: two authors, a rating, a moment and a stretch. */
  function writeNotes(sha256: string, name = 'notes.json', markers: Analysis['markers'] = []): string {
    const at = '2026-12-06T10:00:00.000Z';
    const base = { markerId: null, tag: null, rating: null, ratingScale: null, createdAt: at, updatedAt: at };
    const file = notesFile(sha256, [
      { ...base, id: 'n1', sessionId: 's', authorRole: 'therapist', authorName: 'T. Lind', startSec: 2, endSec: 2, text: 'I looked at my notes here.' },
      { ...base, id: 'n2', sessionId: 's', authorRole: 'supervisor', authorName: 'Dr. S.', startSec: 3, endSec: 6, text: 'Nice repair.', tag: 'repair', rating: 4, ratingScale: 'Attune empathic responding (1–5)' },
      { ...base, id: 'n3', sessionId: 's', authorRole: 'supervisor', authorName: 'Dr. S.', startSec: 4, endSec: 5, text: '', rating: 2, ratingScale: 'Attune empathic responding (1–5)' },
    ], markers.length ? notice(markers) : null);
    const path = join(work.dir, name);
    writeFileSync(path, JSON.stringify(file));
    return path;
  }

  /** A notice-first run as the app keeps it: one press on the first marker, one where there is none. */
  function notice(markers: Analysis['markers']): NoticeRun {
    const away = Array.from({ length: 230 }, (_, i) => i / 10).find((t) => markers.every((m) => t < m.startSec - 3.5 || t > m.endSec + 3.5));
    assert.ok(away !== undefined, 'a moment far from every marker');
    const presses = [{ tSec: markers[0]!.startSec, word: 'looked away' }, { tSec: away, word: null }].sort((a, b) => a.tSec - b.tSec);
    return { id: 'r1', sessionId: 's', createdAt: '2026-12-06T10:00:00.000Z', presses, markerCount: markers.length, comparison: compareNoticing(presses, markers) };
  }

  test('EAF gets a tier per author and still validates; notes-csv lists every note; the report holds them and the ratings’ mean', async () => {
    const { dir, analysis } = analysed.multi;
    const notes = writeNotes(analysis.source.sha256, 'notes.json', analysis.markers);
    const eaf = join(work.dir, 'with-notes.eaf');
    const run = await runCli(['export', dir, '--format', 'eaf', '--notes', notes, '--out', eaf], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /and 3 note\(s\)/);
    const check = spawnSync('xmllint', ['--noout', '--schema', XSD, eaf], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
    const text = readFileSync(eaf, 'utf8');
    assert.match(text, /TIER_ID="Notes – Therapist: T\. Lind" PARTICIPANT="Therapist: T\. Lind"/);
    assert.match(text, /TIER_ID="Notes – Supervisor: Dr\. S\." /);
    assert.match(text, /TIER_ID="Notes – Supervisor: Dr\. S\. \(2\)"/, 'overlapping notes of one author go to a second tier');
    assert.ok(text.includes('[Empathic responding 4 on “Attune empathic responding (1–5)”] [repair] Nice repair.'));
    assert.match(text, /TIER_ID="Noticed first"/);
    assert.ok(text.includes(`noticed “looked away” — Attune marked it too (${analysis.markers[0]!.id})`));

    const csv = join(work.dir, 'notes.csv');
    assert.equal((await runCli(['export', dir, '--format', 'notes-csv', '--notes', notes, '--out', csv], dir)).code, 0);
    const rows = readFileSync(csv, 'utf8').trimEnd().split('\r\n');
    assert.equal(rows.length, 4);
    assert.match(rows[0]!, /^note_id,author_role,author,start_sec,end_sec/);
    assert.match(rows[2]!, /^n2,supervisor,Dr\. S\.,3,6,0:03,0:06,,repair,4,/);

    const html = join(work.dir, 'notes.html');
    assert.equal((await runCli(['export', dir, '--format', 'html', '--notes', notes, '--out', html], dir)).code, 0);
    const report = readFileSync(html, 'utf8');
    assert.match(report, /<h2>Notes and ratings \(3\)<\/h2>/);
    assert.match(report, /2 ratings, mean 3, spread \(SD\) 1\.41\./);
    assert.match(report, /<h2>Noticing first<\/h2><p>Before seeing Attune’s markers, the therapist marked 2 moments: 1 of the \d+ marked changes? were noticed, 1 moment had no marker/);
  });

  test('notes of another recording, a damaged notes file, or notes-csv without notes: one sentence, nothing written', async () => {
    const { dir } = analysed.multi;
    const out = join(work.dir, 'refused.eaf');
    const other = await runCli(['export', dir, '--format', 'eaf', '--notes', writeNotes('0'.repeat(64), 'other.json'), '--out', out], dir);
    assert.equal(other.code, 6);
    assert.match(failureLine(other), /holds the notes of another recording than multi_face\.avi, so they were not added\.$/);
    const damaged = join(work.dir, 'damaged.json');
    writeFileSync(damaged, '{"format":"attune-notes","version":1,"recording":{"sha256":"x"},"notes":[{"id":1}]}');
    const bad = await runCli(['export', dir, '--format', 'eaf', '--notes', damaged, '--out', out], dir);
    assert.equal(bad.code, 6);
    assert.match(failureLine(bad), /is damaged: note 1 is not complete\.$/);
    const none = await runCli(['export', dir, '--format', 'notes-csv', '--out', out], dir);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /needs the notes file exported from the app/);
    const vtt = await runCli(['export', dir, '--format', 'vtt', '--notes', damaged, '--out', out], dir);
    assert.equal(vtt.code, 2);
    assert.ok(!readdirSync(work.dir).includes('refused.eaf'), 'nothing was written');
  });
});
