/**
 * End to end, for real: a two-person gallery session (tests/helpers/gallery-session.ts) imported,
 * analysed by the real pipeline, client and therapist named on "Who is who", then reviewed: a turn lane
 * for the therapist under the client's rows, each marker's reasons in words with their times, the
 * session's counts, and the filter by reason. Screenshots go to test-output/screenshots/.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SessionDetail, SessionSummary } from '../../lib/ipc/contract.ts';
import type { DeletionReceipt } from '../../lib/ipc/store-channels.ts';
import type { Note, NoticeRun, ReviewSettings } from '../../lib/ipc/supervision-channels.ts';
import { parseNotesFile } from '../../lib/export/notes-file.ts';
import { writeAtomically } from '../../main/files/atomic-write.ts';
import { packageContents, packageEntries } from '../../main/package/review-package.ts';
import { openSealedFile, sealEntries } from '../../main/package/sealed-file.ts';
import { makeGallerySession } from '../helpers/gallery-session.ts';
import { REPO } from '../helpers/paths.ts';
import { APP_STAND_IN, startAppHarness, type AppHarness } from './harness/app-harness.ts';
import { chooseRecording, fillConsent } from './harness/app-steps.ts';

const SCREENSHOTS = join(REPO, 'test-output', 'screenshots');
const SESSION = 'gallery.mp4';
const ANALYSIS_TIMEOUT = 180_000;

let harness: AppHarness;
let page: Page;
let mediaDir: string;

async function invoke<T>(channel: string, payload?: unknown): Promise<T> {
  const result = await harness.backend.invoke(channel, payload);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

async function session(): Promise<SessionDetail> {
  const summary = (await invoke<SessionSummary[]>('library:list')).find((s) => s.fileName === SESSION)!;
  return invoke<SessionDetail>('sessions:get', { sessionId: summary.id });
}

describe('Review with roles: turn lanes and why changes were easy to miss', { timeout: 10 * 60_000 }, () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    mediaDir = mkdtempSync(join(tmpdir(), 'attune-reasons-media-'));
    makeGallerySession(join(mediaDir, SESSION));
    harness = await startAppHarness();
    page = harness.page;
    await page.goto(`${APP_STAND_IN}/index.html`);
    await page.getByRole('heading', { name: 'Sessions' }).waitFor();
  });

  afterAll(async () => {
    await harness?.close();
    if (mediaDir) rmSync(mediaDir, { recursive: true, force: true });
  });

  it('keeps who writes notes and the tags offered as settings', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    const form = page.getByRole('form', { name: 'Notes and ratings' });
    await form.getByLabel('Supervisor', { exact: true }).check();
    await form.getByLabel('Supervisor’s name').fill('Dr. S.');
    await form.getByRole('button', { name: 'Remove the tag repair' }).click();
    await form.getByLabel('New tag').fill('enactment');
    await form.getByLabel('New tag').press('Enter');
    await form.getByLabel('New tag').fill('Rupture');
    await form.getByRole('button', { name: 'Add tag' }).click();
    await form.getByRole('alert').getByText('“Rupture” is already in the list.').waitFor();
    await form.getByRole('button', { name: 'Save settings' }).click();
    await form.getByRole('status').getByText('Saved.').waitFor();
    await page.getByText('3 · Matches').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '39-settings.png'), fullPage: true });
    assert.deepEqual(await invoke<ReviewSettings>('notes:settings'), {
      writingAs: 'supervisor',
      names: { therapist: '', supervisor: 'Dr. S.' },
      tags: ['rupture', 'missed cue', 'good attunement', 'enactment'],
    });
    assert.deepEqual(harness.pageErrors, []);
  });

  it('analyses the session and names the client and the therapist', async () => {
    await chooseRecording(page, harness, join(mediaDir, SESSION), SESSION);
    await fillConsent(page);
    await page.getByRole('button', { name: 'Start analysis' }).click();
    const card = page.locator('li.job', { hasText: SESSION });
    await card.getByText('Finished').waitFor({ timeout: ANALYSIS_TIMEOUT });
    await card.getByRole('button', { name: 'Next: who is who' }).click();
    await page.getByRole('heading', { name: 'Who is who' }).waitFor();

    // The therapist is the one who speaks in this recording.
    const { analysis, people } = await session();
    const therapist = analysis!.tracks.voice.find((v) => v.personId !== null && v.speech.some((s) => s === 1))!.personId!;
    const number = (id: string) => people.findIndex((p) => p.id === id) + 1;
    const client = people.find((p) => p.id !== therapist)!.id;
    await page.getByRole('group', { name: `Person ${number(client)}` }).getByLabel('Client').check();
    await page.getByRole('status').getByText('Saved.').waitFor();

    // With the client alone named, the review asks for the therapist and gives no reason that needs them.
    await page.getByRole('button', { name: 'Continue to review' }).click();
    await page.getByRole('button', { name: 'Show the markers now' }).click();
    await page.locator('[data-track="smile"] canvas').waitFor();
    await page.getByText(/Say who is the client and who is the therapist/).waitFor();
    assert.equal(await page.getByText(/while you were speaking \(/).count(), 0);
    await page.getByRole('button', { name: 'Who is who…' }).click();
    await page.getByRole('heading', { name: 'Who is who' }).waitFor();

    await page.getByRole('group', { name: `Person ${number(therapist)}` }).getByLabel('Therapist').check();
    await page.getByRole('status').getByText('Saved.').waitFor();
    const named = await session();
    assert.deepEqual(named.people.map((p) => [p.id, p.role]).sort(), [[client, 'client'], [therapist, 'therapist']].sort());
    await page.screenshot({ path: join(SCREENSHOTS, '30-roles-two-people.png'), fullPage: true });
  });

  it('shows the client’s markers with the reasons in words, a turn lane for the therapist, and counts', async () => {
    await page.getByRole('button', { name: 'Continue to review' }).click();
    await page.locator('[data-track="smile"] canvas').waitFor();
    assert.equal(await page.getByText(/Say who is the client and who is the therapist/).count(), 0, 'no longer asked');
    const lane = page.locator('.track-row', { hasText: 'Therapist speaking' });
    await lane.waitFor();
    await page.getByText(/It began while you were speaking \(0:\d\d\.\d–0:\d\d\.\d\)\./).waitFor();
    await page.getByText(/Nothing in your face, voice or turn-taking changed in the 5 s after it began/).waitFor();
    const counts = await page.locator('.missed-summary').innerText();
    assert.match(counts, /1 of 2 changes began while you were speaking\./);
    assert.match(counts, /1 of 2 changes were followed by no change in your face or voice\./);
    await page.screenshot({ path: join(SCREENSHOTS, '31-review-reasons.png'), fullPage: true });
  });

  it('filters the markers by reason', async () => {
    const filters = page.getByRole('group', { name: 'Show markers' });
    await filters.getByRole('button', { name: 'You were speaking' }).click();
    await page.waitForFunction(() => document.querySelectorAll('li.marker').length === 1);
    assert.match(await page.locator('li.marker').innerText(), /It began while you were speaking/);
    await page.screenshot({ path: join(SCREENSHOTS, '32-review-filtered.png'), fullPage: true });
    await filters.getByRole('button', { name: 'All' }).click();
    await page.waitForFunction(() => document.querySelectorAll('li.marker').length === 2);
    assert.deepEqual(harness.pageErrors, []);
  });

  it('writes notes from the keyboard — at the playhead, about a marker, a rating over a stretch — and edits and deletes them', async () => {
    const notes = page.locator('section.notes-panel');
    await page.locator('h1').click();
    await page.keyboard.press('a');
    const form = notes.getByRole('form', { name: 'Write a note' });
    // Keyboard first: the note field has the focus as soon as it is shown, so typing goes into it.
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    await page.keyboard.type('She paused here and I moved on.');
    // Who writes comes from the settings, and so do the tags offered.
    assert.equal(await form.getByLabel('Name').inputValue(), 'Dr. S.');
    assert.equal(await form.getByLabel('Written by').inputValue(), 'supervisor');
    assert.deepEqual(await form.locator('datalist option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)), ['rupture', 'missed cue', 'good attunement', 'enactment']);
    await form.getByLabel('Tag').fill('missed cue');
    await form.getByRole('textbox', { name: 'Note' }).press('Control+Enter');
    await notes.getByText('She paused here and I moved on.').waitFor();

    // About a marker: choose it, then a.
    await page.locator('li.marker .marker-jump').first().click();
    await page.locator('h1').click();
    await page.keyboard.press('a');
    await form.getByLabel('About the selected marker').check();
    await form.getByRole('textbox', { name: 'Note' }).fill('Good moment to discuss.');
    await form.getByLabel('Empathic responding').selectOption('4');
    await form.getByText(/reaches a little beyond it/).waitFor();
    await form.getByRole('button', { name: /Save note/ }).click();
    await notes.getByText('Good moment to discuss.').waitFor();
    await notes.getByText('Empathic responding 4 · Adds').waitFor();
    assert.equal(await notes.locator('.ratings-summary').innerText(), 'Empathic responding, 1 rating on “Attune empathic responding (1–5)”: mean 4.');

    // A digit rates at the playhead; the note can cover a stretch, typed or taken from the playhead.
    await page.locator('h1').click();
    await page.keyboard.press('2');
    assert.equal(await form.getByLabel('Empathic responding').inputValue(), '2');
    await form.getByLabel('From', { exact: true }).fill('0:40');
    await form.getByLabel('To', { exact: true }).fill('0:3x');
    await form.getByRole('button', { name: /Save note/ }).click();
    await form.getByRole('alert').getByText(/Write times as minutes and seconds/).waitFor();
    await form.getByLabel('To', { exact: true }).fill('0:38');
    await form.getByRole('button', { name: /Save note/ }).click();
    await form.getByRole('alert').getByText('The note must end at or after its start.').waitFor();
    await form.getByLabel('To', { exact: true }).fill('0:44.5');
    await form.getByRole('button', { name: /Save note/ }).click();
    await notes.getByText('0:40.0–0:44.5').waitFor();
    assert.equal(await notes.locator('.ratings-summary').innerText(), 'Empathic responding, 2 ratings on “Attune empathic responding (1–5)”: mean 3, spread (SD) 1.41.');

    const { id } = (await invoke<SessionSummary[]>('library:list')).find((x) => x.fileName === SESSION)!;
    const all = await invoke<Note[]>('notes:list', { sessionId: id });
    const stretch = all.find((n) => n.rating === 2)!;
    assert.deepEqual([stretch.startSec, stretch.endSec, stretch.markerId, stretch.text, stretch.authorName], [40, 44.5, null, '', 'Dr. S.']);
    await notes.locator(`li[data-note-id="${stretch.id}"]`).getByRole('button', { name: 'Delete' }).click();
    await page.waitForFunction(() => document.querySelectorAll('li.note').length === 2);
    const stored = await invoke<Note[]>('notes:list', { sessionId: id });
    assert.equal(stored.length, 2);
    const onMarker = stored.find((n) => n.markerId !== null)!;
    const marker = (await session()).analysis!.markers.find((m) => m.id === onMarker.markerId)!;
    assert.deepEqual([onMarker.startSec, onMarker.endSec], [marker.startSec, marker.endSec], 'a note about a marker spans it');
    const atPlayhead = stored.find((n) => n.markerId === null)!;
    assert.deepEqual([atPlayhead.authorRole, atPlayhead.authorName, atPlayhead.tag], ['supervisor', 'Dr. S.', 'missed cue']);
    // Both notes are drawn in the timeline's notes lane; clicking one seeks to it.
    await page.locator('canvas.note-lane').waitFor();
    assert.match((await page.locator('.markers-row', { hasText: 'Notes' }).innerText()), /2 notes and ratings/);
    await page.screenshot({ path: join(SCREENSHOTS, '33-review-notes.png'), fullPage: true });

    const first = notes.locator(`li[data-note-id="${atPlayhead.id}"]`);
    await first.getByRole('button', { name: 'Edit' }).click();
    await notes.getByRole('textbox', { name: 'Note' }).fill('She paused here; I moved on too fast.');
    await notes.getByRole('button', { name: /Save note/ }).click();
    await notes.getByText('She paused here; I moved on too fast.').waitFor();
    // Export the notes as a file, and hand it to the command line's export: the supervisor's ELAN file.
    const notesPath = join(mediaDir, 'gallery.notes.json');
    harness.pickNext(notesPath);
    await notes.getByRole('button', { name: 'Export notes…' }).click();
    await notes.getByRole('status').getByText(`Exported 2 notes to ${notesPath}.`).waitFor();
    const exported = parseNotesFile(readFileSync(notesPath, 'utf8'), notesPath);
    assert.deepEqual(exported.notes.map((n) => n.text).sort(), ['Good moment to discuss.', 'She paused here; I moved on too fast.']);
    assert.equal(exported.recording.sha256, (await session()).analysis!.source.sha256);
    // The session report, from the review, with the notes in it.
    const reportPath = join(mediaDir, 'gallery.report.html');
    const exportMenu = page.getByRole('group', { name: 'Export' });
    await exportMenu.getByLabel('Export').selectOption({ label: 'Session report (web page)' });
    harness.pickNext(reportPath);
    await exportMenu.getByRole('button', { name: 'Save…' }).click();
    await exportMenu.getByRole('status').getByText(`Saved to ${reportPath}.`).waitFor();
    assert.match(readFileSync(reportPath, 'utf8'), /Notes and ratings \(2\)[\s\S]*She paused here; I moved on too fast\./);
    await notes.locator(`li[data-note-id="${atPlayhead.id}"]`).getByRole('button', { name: 'Delete' }).click();
    await page.waitForFunction(() => document.querySelectorAll('li.note').length === 1);
    assert.deepEqual((await invoke<Note[]>('notes:list', { sessionId: id })).map((n) => n.text), ['Good moment to discuss.']);

    // Sealed for the supervisor, who adds a note and sends it back; taken in, the notes are merged.
    const pkg = page.locator('section.package-panel');
    const PASS = 'plum harbour seven';
    // First a de-identified package with one clip: drawn from the landmarks, names left out.
    await pkg.getByRole('button', { name: 'Seal for my supervisor…' }).click();
    await pkg.getByLabel(/^Passphrase/).fill(PASS);
    await pkg.getByLabel('The passphrase again').fill(PASS);
    const firstMarker = (await invoke<SessionDetail>('sessions:get', { sessionId: id })).analysis!.markers[0]!;
    await pkg.locator('fieldset.package-clips label').first().locator('input').check();
    await pkg.getByRole('checkbox', { name: /De-identify: clips show a drawing/ }).check();
    await page.screenshot({ path: join(SCREENSHOTS, '42-package-clips.png'), fullPage: true });
    const drawnPath = join(mediaDir, 'drawn.attune');
    harness.pickNext(drawnPath);
    await pkg.getByRole('button', { name: 'Seal and save…' }).click();
    await pkg.getByRole('status').getByText(`Sealed with 1 drawn clip and saved to ${drawnPath}.`, { exact: false }).waitFor({ timeout: 120_000 });
    const drawn = packageContents(await openSealedFile(drawnPath, PASS), 'drawn.attune');
    assert.deepEqual(drawn.clips.map((c) => [c.clip.markerId, c.clip.deidentified]), [[firstMarker.id, true]]);
    assert.match(drawn.analysis.source.file, /^recording\./);

    await pkg.getByRole('button', { name: 'Seal for my supervisor…' }).click();
    await pkg.getByLabel(/^Passphrase/).fill(PASS);
    await pkg.getByLabel('The passphrase again').fill(PASS);
    const sealedPath = join(mediaDir, 'gallery.attune');
    harness.pickNext(sealedPath);
    await pkg.getByRole('button', { name: 'Seal and save…' }).click();
    await pkg.getByRole('status').getByText(`Sealed and saved to ${sealedPath}.`, { exact: false }).waitFor();
    const sent = packageContents(await openSealedFile(sealedPath, PASS), 'gallery.attune');
    const supervisorNote = { ...sent.notes!.notes[0]!, id: 'from-supervisor-1', authorRole: 'supervisor' as const, authorName: 'Dr. S.', text: 'You stayed with her here.', rating: null, ratingScale: null };
    const returned = join(mediaDir, 'gallery-back.attune');
    await writeAtomically(returned, sealEntries(packageEntries(sent.analysis, { ...sent.notes!, notes: [...sent.notes!.notes, supervisorNote] }, sent.consent), PASS), 'test');
    await pkg.getByRole('button', { name: 'Take in a supervisor’s package…' }).click();
    await pkg.getByLabel(/^Passphrase/).fill(PASS);
    harness.pickNext(returned);
    await pkg.getByRole('button', { name: 'Choose the package…' }).click();
    await pkg.getByRole('status').getByText(/: 1 note added, 0 notes replaced by a later edit, 0 notes kept as you had them/).waitFor();
    await notes.getByText('You stayed with her here.').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '40-supervision-package.png'), fullPage: true });
    assert.deepEqual(harness.pageErrors, []);
  });

  it('notices first: presses with the markers hidden, then what both, only Attune and only you noticed', async () => {
    // Seek the player and wait until the review's clock (what a press takes) shows the new time.
    const seekTo = async (sec: number) => {
      await page.locator('video').evaluate((v: HTMLVideoElement, t: number) => (v.currentTime = t), sec);
      await page.locator('.clock').getByText(`0:${sec}.0 / 1:30.0`).waitFor();
    };
    await page.getByRole('button', { name: 'Notice first…' }).click();
    await page.getByRole('heading', { name: 'Noticing first' }).waitFor();
    assert.equal(await page.locator('li.marker').count(), 0, 'the markers are hidden');
    assert.equal(await page.locator('[data-track="smile"]').count(), 0, 'so are the tracks');
    await page.locator('h1').click();
    await page.keyboard.press('n');
    assert.equal(await page.locator('li.marker').count(), 0, 'n does not jump to a hidden marker');
    // The client starts smiling at 30 s; nothing happens at 50 s.
    await seekTo(31);
    await page.keyboard.press('m');
    await seekTo(50);
    await page.keyboard.press('m');
    await page.getByRole('textbox', { name: 'Word for 0:31.0' }).fill('smile');
    await page.screenshot({ path: join(SCREENSHOTS, '34-notice-first-watching.png'), fullPage: true });
    await page.getByRole('button', { name: 'Finish and compare' }).click();
    const result = page.locator('section.notice-result');
    await result.getByText('You noticed 1 of the 2 changes Attune marked; 1 of your 2 moments had no marker. Agreement 50 %.').waitFor();
    assert.match(await result.innerText(), /Both noticed \(1\)[\s\S]*0:31\.0 “smile”/);
    assert.equal(await page.locator('li.marker').count(), 2, 'the markers are shown again');
    await page.screenshot({ path: join(SCREENSHOTS, '35-notice-first-compared.png'), fullPage: true });
    const { id } = (await invoke<SessionSummary[]>('library:list')).find((x) => x.fileName === SESSION)!;
    const run = await invoke<NoticeRun>('notice:latest', { sessionId: id });
    assert.deepEqual(run?.presses.map((p) => [Math.round(p.tSec * 10) / 10, p.word]), [[31, 'smile'], [50, null]]);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sessions' }).click();
    const history = page.locator('section.notice-history');
    await history.getByRole('row', { name: /gallery\.mp4.*1 of 2 marked changes.*50 %/ }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '36-notice-history.png'), fullPage: true });
    assert.deepEqual(harness.pageErrors, []);
  });

  it('warns a week before the consent period ends, and deletes with "consent withdrawn" kept in the receipt', async () => {
    const { id } = (await invoke<SessionSummary[]>('library:list')).find((x) => x.fileName === SESSION)!;
    const inThreeDays = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await invoke('sessions:recordConsent', { sessionId: id, consentedBy: 'Client A. (ref. 0417)', consentedAt: '2026-11-02', purposes: ['supervision'], retainUntil: inThreeDays });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import a recording' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sessions' }).click();
    assert.equal(await page.locator(`tr[data-session-id="${id}"] td`).nth(3).innerText(), '2', 'the library counts the markers the review shows (the client’s)');
    await page.locator('.retention-warning').getByText(/“gallery\.mp4” will be deleted on .+, when its consent period ends\./).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '37-retention-warning.png'), fullPage: true });
    await page.getByRole('button', { name: `Delete ${SESSION}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/The client has withdrawn consent/).check();
    await dialog.getByRole('button', { name: 'Delete session' }).click();
    await page.getByRole('heading', { name: `Deleted “${SESSION}”` }).waitFor();
    const [receipt] = await invoke<DeletionReceipt[]>('store:deletionReceipts');
    assert.deepEqual([receipt?.sessionId, receipt?.reason], [id, 'withdrawn']);
    assert.deepEqual(harness.pageErrors, []);
  });

  it('shows the audit log, intact and without client content, and exports it as CSV', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Audit log' }).click();
    await page.getByText(/The log is intact: \d+ entries/).waitFor();
    const table = await page.locator('table.audit').innerText();
    for (const action of ['import', 'consent', 'analyse', 'role', 'note-add', 'notice-first', 'export-notes', 'export', 'package', 'import-package', 'delete:withdrawn']) assert.match(table, new RegExp(`\\b${action}\\b`), action);
    assert.ok(!table.includes('gallery.mp4') && !table.includes('Dr. S.') && !table.includes('Client A.'), 'no file names, authors or consenting persons');
    await page.screenshot({ path: join(SCREENSHOTS, '38-audit-log.png'), fullPage: true });
    const csvPath = join(mediaDir, 'audit.csv');
    harness.pickNext(csvPath);
    await page.getByRole('button', { name: 'Export as CSV…' }).click();
    await page.getByRole('status').getByText(/^Saved \d+ entries to /).waitFor();
    const lines = readFileSync(csvPath, 'utf8').trimEnd().split('\r\n');
    assert.equal(lines[0], 'seq,at,actor,action,session_id,detail,hash');
    assert.ok(lines.length > 8);
    assert.deepEqual(harness.pageErrors, []);
  });
});
