import assert from 'node:assert/strict';
import { describe, test } from 'vitest';
import { WHAT_MARKERS_ARE } from '../../lib/analysis/marker-words.ts';
import type { Analysis, Marker } from '../../lib/analysis/types.ts';
import { numberField, textField } from '../../lib/export/csv.ts';
import { analysisToEaf } from '../../lib/export/eaf.ts';
import { escapeXml } from '../../lib/export/escape.ts';
import { framesCsv } from '../../lib/export/frames-csv.ts';
import { markersCsv } from '../../lib/export/markers-csv.ts';
import { analysisReportHtml } from '../../lib/export/report-html.ts';
import { columnMeans } from '../../lib/export/report-plot.ts';
import { analysisToVtt } from '../../lib/export/vtt.ts';
import { vttTime } from '../../lib/time/clock.ts';
import { BLENDSHAPE_NAMES } from '../../lib/vision/blendshapes.ts';
import { knownAnalysis } from '../app/fixtures.ts';

const join = (pieces: Iterable<string>): string => [...pieces].join('');

/** Splits RFC 4180 text into rows of fields (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    }
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  assert.equal(field + row.join(''), '', 'the CSV ends with a line break');
  return rows;
}

function marker(id: string, startSec: number, endSec: number, overrides: Partial<Marker> = {}): Marker {
  return { id, startSec, endSec, personId: 'p1', modality: ['face'], kind: 'shift', score: 0.8, summary: `summary ${id}`, cues: [{ feature: 'mouthSmileLeft', before: 0.4, after: 0.1, z: -3 }], ...overrides };
}

function twoPeople(): Analysis {
  const a = knownAnalysis('ab'.repeat(32));
  const p1 = a.tracks.face[0]!;
  // The second person was seen at other moments: rows must interleave by time.
  a.tracks.face.push({ ...p1, personId: 'p2', t: [0.1, 0.3, 0.5] , headYawDeg: [90, null, 0], headPitchDeg: [0, null, 0], headRollDeg: [0, null, 0],
    blendshapes: Object.fromEntries(BLENDSHAPE_NAMES.map((n) => [n, [0.5, null, 0.25]])), presence: [1, 0, 1] });
  a.people = [{ id: 'p1', role: 'client' }, { id: 'p2', role: 'therapist' }];
  return a;
}

describe('CSV fields', () => {
  test('quotes what must be quoted and guards formulas; numbers are never altered', () => {
    assert.equal(textField('plain'), 'plain');
    assert.equal(textField('a, "b"\nc'), '"a, ""b""\nc"');
    assert.equal(textField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(textField('-2+3'), "'-2+3");
    assert.equal(textField('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(numberField(-2.5), '-2.5');
    assert.equal(numberField(null), '');
    assert.equal(numberField(Number.NaN), '');
    assert.equal(numberField(-0.00001), '0');
    assert.equal(numberField(1 / 3, 2), '0.33');
  });
});

describe('frames CSV', () => {
  test('one row per frame per person, in time order, OpenFace column names, absent values empty', () => {
    const a = twoPeople();
    const rows = parseCsv(join(framesCsv(a)));
    const [header, ...body] = rows;
    assert.deepEqual(header!.slice(0, 8), ['frame', 'face_id', 'role', 'timestamp', 'success', 'pose_Rx', 'pose_Ry', 'pose_Rz']);
    assert.deepEqual(header!.slice(8, 8 + BLENDSHAPE_NAMES.length), [...BLENDSHAPE_NAMES]);
    assert.equal(body.length, a.tracks.face[0]!.t.length + a.tracks.face[1]!.t.length);
    for (const r of body) assert.equal(r.length, header!.length);
    const times = body.map((r) => Number(r[3]));
    assert.deepEqual(times, [...times].sort((x, y) => x - y));
    assert.deepEqual(body.slice(0, 3).map((r) => [r[0], r[1], r[2]]), [['1', 'p1', 'client'], ['1', 'p2', 'therapist'], ['2', 'p1', 'client']]);
    const p2first = body[1]!;
    // 90° of yaw is π/2 radians in pose_Ry.
    assert.equal(p2first[6], String(Math.round((Math.PI / 2) * 1e6) / 1e6));
    const p2absent = body.find((r) => r[1] === 'p2' && r[4] === '0')!;
    assert.deepEqual(p2absent.slice(5), new Array(header!.length - 5).fill(''));
  });

  test('body columns on the frames the body model ran on: found, not found, and empty on the other frames', () => {
    const a = twoPeople();
    a.tracks.body = [{
      personId: 'p2', t: [0.1, 0.5], presence: [1, 0], keypoints: {},
      motionEnergy: [0.12, null], shoulderTiltDeg: [-3, null], noseAboveShoulders: [0.8, null], shoulderWidth: [1.6, null], selfTouch: [1, null], fidgeting: [null, null],
    }];
    const [header, ...rows] = parseCsv(join(framesCsv(a)));
    const bodyAt = header!.indexOf('body_success');
    assert.deepEqual(header!.slice(bodyAt), ['body_success', 'motion_energy', 'shoulder_tilt_deg', 'nose_above_shoulders', 'shoulder_width', 'self_touch', 'fidgeting', 'region_motion']);
    const p2 = rows.filter((r) => r[1] === 'p2').map((r) => r.slice(bodyAt, -1));
    assert.deepEqual(p2, [['1', '0.12', '-3', '0.8', '1.6', '1', ''], ['', '', '', '', '', '', ''], ['0', '', '', '', '', '', '']]);
    assert.ok(rows.filter((r) => r[1] === 'p1').every((r) => r.slice(bodyAt).every((v) => v === '')), 'no body track, no body values');
  });

  test('region motion (MEA) is the last column, at every frame that has it, and a report row under the body', () => {
    const a = twoPeople();
    const face = a.tracks.face[0]!;
    face.regionMotion = face.t.map((_, i) => (i === 0 ? null : i / 100));
    const [header, ...rows] = parseCsv(join(framesCsv(a)));
    assert.equal(header!.at(-1), 'region_motion');
    assert.deepEqual(rows.filter((r) => r[1] === face.personId).map((r) => r.at(-1)), face.t.map((_, i) => (i === 0 ? '' : String(i / 100))));
    assert.ok(rows.filter((r) => r[1] !== face.personId).every((r) => r.at(-1) === ''), 'a track without it leaves it empty');
    const html = analysisReportHtml(a);
    assert.ok(html.indexOf(': body<') > 0 && html.indexOf('Movement in the picture') > html.indexOf(': body<'), 'the row comes under the person’s body heading');
  });

  test('the report draws each person’s body rows under their face, when the analysis has them', () => {
    const a = twoPeople();
    assert.doesNotMatch(analysisReportHtml(a), /: body</);
    a.tracks.body = [{ personId: 'p1', t: [0, 1], presence: [1, 1], keypoints: {}, motionEnergy: [null, 0.2], shoulderTiltDeg: [0, 0], noseAboveShoulders: [0.8, 0.7], shoulderWidth: [1.5, 1.5], selfTouch: [0, 1], fidgeting: [null, null] }];
    const html = analysisReportHtml(a);
    assert.ok(html.indexOf(': face and head<') < html.indexOf(': body<') && html.indexOf(': body<') < html.indexOf('Body movement'));
    assert.match(html, /Self-touch/);
  });
});

describe('markers CSV', () => {
  test('a row per marker with plain words and the cue numbers', () => {
    const a = knownAnalysis('ab'.repeat(32));
    const [header, ...body] = parseCsv(join(markersCsv(a)));
    assert.equal(body.length, a.markers.length);
    const m1 = Object.fromEntries(header!.map((h, i) => [h, body[0]![i]]));
    assert.equal(m1.marker_id, 'm1');
    assert.equal(m1.start_sec, '0.2');
    assert.equal(m1.missed_because, 'therapist-speaking');
    assert.match(m1.evidence!, /^Smile \(left\) fell: 41 → 5 out of 100 — well outside what is usual/);
    assert.equal(m1.cues, 'mouthSmileLeft 0.41→0.05 z=-3.2');
    const m3 = Object.fromEntries(header!.map((h, i) => [h, body[2]![i]]));
    assert.equal(m3.person, 'Voice (speaker not identified)');
    assert.equal(m3.person_id, '');
  });
});

describe('WebVTT', () => {
  test('cues in order, escaped, at least a second long, and the note says what markers are', () => {
    const a = knownAnalysis('ab'.repeat(32));
    a.markers[1]!.summary = 'louder <b>&</b> --> faster\n\nthen quiet';
    const text = join(analysisToVtt(a));
    assert.ok(text.startsWith('WEBVTT\n\n'));
    assert.ok(text.includes(WHAT_MARKERS_ARE));
    const blocks = text.trim().split('\n\n').slice(2);
    assert.equal(blocks.length, a.markers.length);
    assert.equal(blocks[0]!.split('\n')[1], `${vttTime(0.2)} --> ${vttTime(1.2)}`);
    assert.ok(blocks[1]!.includes('louder &lt;b&gt;&amp;&lt;/b&gt; → faster then quiet'));
    assert.equal((text.match(/-->/g) ?? []).length, a.markers.length);
    assert.equal(vttTime(3725.0456), '01:02:05.046');
  });
});

describe('ELAN EAF', () => {
  test('overlapping markers of one person and kind go to a second tier; every annotation has an evidence child', () => {
    const a = knownAnalysis('ab'.repeat(32));
    a.markers = [marker('m1', 1, 4), marker('m2', 2, 3), marker('m3', 4, 5), marker('m4', 6, 6)];
    const eaf = analysisToEaf(a);
    const tiers = [...eaf.matchAll(/<TIER [^>]*TIER_ID="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(tiers, ['Person 1 – Shift', 'Person 1 – Shift – evidence', 'Person 1 – Shift (2)', 'Person 1 – Shift (2) – evidence', 'Speech – Person 1']);
    const slots = new Map([...eaf.matchAll(/TIME_SLOT_ID="(ts\d+)" TIME_VALUE="(\d+)"/g)].map((m) => [m[1], Number(m[2])]));
    const spans = [...eaf.matchAll(/TIME_SLOT_REF1="(ts\d+)" TIME_SLOT_REF2="(ts\d+)"/g)].map((m) => [slots.get(m[1]!), slots.get(m[2]!)]);
    // The zero-length marker at 6 s is kept, one millisecond long.
    // The speech tier: p1's speech frames 0.2–0.8 s, to the end of the last 0.2-s frame.
    assert.deepEqual(spans, [[1000, 4000], [4000, 5000], [6000, 6001], [2000, 3000], [200, 1000]]);
    assert.equal((eaf.match(/<REF_ANNOTATION /g) ?? []).length, 4);
    assert.equal(eaf, analysisToEaf(a), 'the same analysis gives the same bytes');
  });

  test('why each marker was easy to miss is a tier of its own; an analysis from before attribution keeps one speech tier', () => {
    const a = knownAnalysis('ab'.repeat(32));
    const eaf = analysisToEaf(a);
    assert.match(eaf, /TIER_ID="Why easy to miss"/);
    assert.ok(eaf.includes('It began while the therapist was speaking (0:00.0–0:00.7).'));
    a.tracks.voice[0]!.personId = null;
    assert.match(analysisToEaf(a), /TIER_ID="Speech \(all voices\)"/);
  });

  test('a synchrony marker belongs to both people, not to an unattributed voice', () => {
    const a = knownAnalysis('ab'.repeat(32));
    a.markers = [marker('m1', 10, 20, { personId: null, modality: ['interaction'], kind: 'synchrony-drop', summary: 'apart',
      cues: [{ feature: 'headMovementSynchrony', before: 1.2, after: 0.2, z: -2, measure: 'level' }] })];
    assert.match(analysisToEaf(a), /TIER_ID="Both people – Moving in step stopped"/);
    assert.doesNotMatch(analysisToEaf(a), /PARTICIPANT="Both people"/);
    const [, row] = parseCsv(join(markersCsv(a)));
    assert.equal(row![1], 'Both people');
    assert.match(row![11]!, /for these two people/);
  });

  test('text that would break XML is escaped or dropped', () => {
    assert.equal(escapeXml('a<b>&"\'\u0001\u0007c'), 'a&lt;b&gt;&amp;&quot;&#39;c');
    const a = knownAnalysis('ab'.repeat(32), 'odd "name" <&>.mp4');
    a.markers[0]!.summary = 'bad \u0000 byte </ANNOTATION_VALUE>';
    const eaf = analysisToEaf(a);
    assert.ok(eaf.includes('bad  byte &lt;/ANNOTATION_VALUE&gt;'));
    assert.ok(eaf.includes('MEDIA_URL="odd%20%22name%22%20%3C&amp;%3E.mp4"'));
  });
});

describe('HTML report', () => {
  test('holds the facts, the consent line, every marker with its evidence, and no way to load anything', () => {
    const a = knownAnalysis('ab'.repeat(32), '<script>alert(1)</script>.mp4');
    const html = analysisReportHtml(a);
    assert.ok(!html.includes('<script>'), 'the file name is escaped');
    assert.ok(html.includes(escapeXml(WHAT_MARKERS_ARE)));
    assert.match(html, /Consent<\/h2><p>The consent record is kept/);
    for (const m of a.markers) assert.ok(html.includes(escapeXml(m.summary)), m.id);
    assert.ok(html.includes('Why this was easy to miss: It began while the therapist was speaking (0:00.0–0:00.7).'));
    assert.ok(html.includes('<li>1 of 3 changes began while the therapist was speaking.</li>'), 'the session’s counts');
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.doesNotMatch(html, /\b(src|href)=/, 'no external resource of any kind');
    assert.equal((html.match(/<svg /g) ?? []).length, 5 + 3, 'five face rows and three voice rows');
  });

  test('plots reduce a long series to one mean per column', () => {
    const t = Array.from({ length: 1000 }, (_, i) => i / 10);
    const values = t.map((s) => (s < 50 ? 1 : s < 60 ? null : 3));
    const means = columnMeans(t, values, 100, 10);
    assert.deepEqual(means, [1, 1, 1, 1, 1, null, 3, 3, 3, 3]);
  });
});
