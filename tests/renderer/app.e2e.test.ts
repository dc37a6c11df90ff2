/**
 * End to end, for real: the built renderer in headless Chromium, talking through a preload shim to the
 * real backend (encrypted store with a test key, job queue, the full analysis pipeline, models from
 * ../shared/models). Import with consent → analyse → who is who → review with video, timeline and
 * markers; Start disabled without consent; cancelling; queueing; deleting. Screenshots of each screen
 * go to test-output/screenshots/.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { SessionDetail, SessionSummary } from '../../lib/ipc/contract.ts';
import { ffmpeg } from '../helpers/ffmpeg.ts';
import { REPO, video } from '../helpers/paths.ts';
import { APP_STAND_IN, startAppHarness, type AppHarness } from './harness/app-harness.ts';
import { chooseRecording as chooseRecordingIn, fillConsent as fillConsentIn } from './harness/app-steps.ts';

const SCREENSHOTS = join(REPO, 'test-output', 'screenshots');
/**
 * The session that is reviewed: RAVDESS actor 05 twice neutral, then twice fearful (12.5 s), joined with
 * ffmpeg. No single shared clip holds a change the pipeline reliably marks; this one has a lasting change
 * in both face (brows) and voice (pitch, loudness), and it is long enough to zoom to five seconds.
 */
const SESSION = 'neutral-then-fearful.mp4';
/** 19.7 s, so it is still running when it is cancelled. */
const PEXELS = 'WolfgangLanger_Pexels.mp4';
/** Waits in the queue behind PEXELS, then runs once that is cancelled. */
const HAPPY = '01-01-03-01-01-02-05.mp4';
/** How long one analysis may take, for the waits on it (the describe's timeout bounds the whole test). */
const ANALYSIS_TIMEOUT = 180_000;

let harness: AppHarness;
let page: Page;
let mediaDir: string;

/** `SESSION`, made from the shared clips in a temporary folder. */
function makeSession(): string {
  const parts = ['01-01-01-01-02-01-05.mp4', '01-01-01-01-02-01-05.mp4', '01-01-06-02-02-02-05.mp4', '01-01-06-02-02-02-05.mp4'];
  const inputs = parts.flatMap((name) => ['-i', video(name)]);
  const streams = parts.map((_, i) => `[${i}:v][${i}:a]`).join('');
  const out = join(mediaDir, SESSION);
  ffmpeg(...inputs, '-filter_complex', `${streams}concat=n=${parts.length}:v=1:a=1[v][a]`, '-map', '[v]', '-map', '[a]',
    '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-movflags', '+faststart', out);
  return out;
}

/** Where the fake file dialog finds each recording. */
const pathOf = (fileName: string) => (fileName === SESSION ? join(mediaDir, SESSION) : video(fileName));

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function invoke<T>(channel: string, payload?: unknown): Promise<T> {
  const result = await harness.backend.invoke(channel, payload);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

async function sessionNamed(fileName: string): Promise<SessionSummary> {
  const found = (await invoke<SessionSummary[]>('library:list')).find((s) => s.fileName === fileName);
  assert.ok(found, `${fileName} is in the library`);
  return found;
}

const startButton = () => page.getByRole('button', { name: 'Start analysis' });
const jobCard = (fileName: string): Locator => page.locator('li.job', { hasText: fileName });

const chooseRecording = (fileName: string) => chooseRecordingIn(page, harness, pathOf(fileName), fileName);
const fillConsent = () => fillConsentIn(page);

async function importAndStart(fileName: string): Promise<void> {
  await chooseRecording(fileName);
  await fillConsent();
  await startButton().click();
  await jobCard(fileName).waitFor();
}

async function videoTime(): Promise<number> {
  return page.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime);
}

async function waitForVideoTime(expected: number, tolerance = 0.05): Promise<void> {
  await page.waitForFunction(
    ([t, tol]) => {
      const v = document.querySelector('video');
      return v !== null && Math.abs(v.currentTime - t) <= tol;
    },
    [expected, tolerance] as const,
    { timeout: 10_000 },
  );
}

/** Clicks a canvas at the pixel that shows media time `tSec` while the whole session is in view. */
async function clickCanvasAt(canvas: Locator, tSec: number, durationSec: number, y = 8): Promise<void> {
  const box = await canvas.boundingBox();
  assert.ok(box, 'canvas is laid out');
  await canvas.click({ position: { x: (tSec / durationSec) * box.width, y } });
}

describe('Attune renderer, end to end', { timeout: 15 * 60_000 }, () => {
  beforeAll(async () => {
    assert.ok(existsSync(join(REPO, 'dist/renderer/index.js')), 'the renderer is built (npm run build)');
    mkdirSync(SCREENSHOTS, { recursive: true });
    mediaDir = mkdtempSync(join(tmpdir(), 'attune-renderer-media-'));
    makeSession();
    harness = await startAppHarness();
    page = harness.page;
    await page.goto(`${APP_STAND_IN}/index.html`);
    await page.getByRole('heading', { name: 'Sessions' }).waitFor();
  });

  afterAll(async () => {
    await harness?.close();
    if (mediaDir) rmSync(mediaDir, { recursive: true, force: true });
  });

  it('shows an empty library first', async () => {
    await page.getByText('No sessions yet').waitFor();
    await shot('01-library-empty');
  });

  it('keeps Start disabled until consent is complete — no consent, no analysis', async () => {
    await chooseRecording(SESSION);
    assert.equal(await startButton().isDisabled(), true);
    await page.getByText('Enter who gave consent.').waitFor();
    await shot('02-import-consent-missing');

    await page.getByLabel('Who gave consent?').fill('Client A. (ref. 0417)');
    await page.getByLabel('Supervision').check();
    await page.getByLabel('How long may the data be kept?').selectOption('12');
    assert.equal(await startButton().isDisabled(), true, 'still disabled without the confirmation');
    await page.getByLabel(/I confirm the client gave informed consent/).check();
    assert.equal(await startButton().isDisabled(), false);
    await page.getByLabel('Supervision').uncheck();
    assert.equal(await startButton().isDisabled(), true, 'disabled again with no purpose');
    await page.getByLabel('Supervision').check();
    await shot('03-import-consent-complete');

    const session = await sessionNamed(SESSION);
    assert.equal(session.status, 'awaiting-consent');
    assert.equal(session.consent, null);
  });

  it('analyses with the real pipeline and shows per-stage progress', async () => {
    // Long tasks (> 50 ms) on the renderer's main thread while the analysis runs would be a frozen UI.
    await page.evaluate(() => {
      const durations: number[] = [];
      (window as unknown as { longTasks: number[] }).longTasks = durations;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) durations.push(entry.duration);
      }).observe({ type: 'longtask' });
    });
    await startButton().click();
    const card = jobCard(SESSION);
    await card.getByText('Face').waitFor({ timeout: 60_000 });
    await shot('04-progress-running');
    const consent = (await sessionNamed(SESSION)).consent;
    assert.equal(consent?.consentedBy, 'Client A. (ref. 0417)');
    assert.deepEqual(consent?.purposes, ['supervision']);
    await card.getByText('Finished').waitFor({ timeout: ANALYSIS_TIMEOUT });
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    // 100 ms is the RAIL budget for answering a click: a task that long while analysing would be felt.
    assert.deepEqual(longTasks.filter((ms) => ms >= 100).map(Math.round), [], 'the UI stays responsive while analysing');
  });

  it('lets the therapist say who is who, with a face thumbnail', async () => {
    await jobCard(SESSION).getByRole('button', { name: 'Next: who is who' }).click();
    await page.getByRole('heading', { name: 'Who is who' }).waitFor();
    await page.getByRole('img', { name: 'Face of person 1' }).waitFor();
    await page.getByRole('group', { name: 'Person 1' }).getByLabel('Client').check();
    await page.getByRole('status').getByText('Saved.').waitFor();
    const { people } = await invoke<SessionDetail>('sessions:get', { sessionId: (await sessionNamed(SESSION)).id });
    assert.equal(people[0]?.role, 'client');
    await shot('05-roles');
  });

  it('reviews: video, face, body and voice tracks, and markers with their evidence', async () => {
    await page.getByRole('button', { name: 'Continue to review' }).click();
    // First visit: Attune offers to let the therapist notice first; here the markers are shown at once.
    await page.getByRole('button', { name: 'Show the markers now' }).click();
    for (const track of ['smile', 'browLower', 'browRaise', 'gazeAway', 'headMovement', 'bodyMovement', 'selfTouch', 'headAboveShoulders', 'pitch', 'loudness', 'speech']) {
      await page.locator(`[data-track="${track}"] canvas`).waitFor();
    }
    await page.getByRole('note').getByText('not emotions and not a diagnosis').waitFor();
    const marker = page.locator('li.marker').first();
    await marker.waitFor();
    assert.match(await marker.locator('.evidence').innerText(), /usual (for this person|range)/);
    // Debian's Chromium plays the H.264/AAC recording streamed through the media protocol handler.
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2, undefined, { timeout: 20_000 });
    const duration = await page.locator('video').evaluate((v: HTMLVideoElement) => v.duration);
    assert.ok(Math.abs(duration - 12.5) < 0.3, `video duration ${duration}`);
    await shot('06-review');
  });

  it('plays with space, and clicking a track or a marker seeks the video', async () => {
    const { analysis } = await invoke<SessionDetail>('sessions:get', { sessionId: (await sessionNamed(SESSION)).id });
    assert.ok(analysis && analysis.markers.length > 0, 'the real pipeline found a marker');
    const first = analysis.markers[0]!;
    const durationSec = analysis.source.durationSec;

    await page.locator('h1').click(); // focus on the page, not a text field
    await page.keyboard.press(' ');
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.3, undefined, { timeout: 10_000 });
    await page.keyboard.press(' ');
    await page.waitForFunction(() => document.querySelector('video')?.paused === true);

    await clickCanvasAt(page.locator('[data-track="smile"] canvas'), 11, durationSec);
    await waitForVideoTime(11, 0.1);

    await clickCanvasAt(page.locator('canvas.marker-lane'), (first.startSec + first.endSec) / 2, durationSec, 10);
    await waitForVideoTime(first.startSec);
    await page.locator(`li.marker.selected[data-marker-id="${first.id}"]`).waitFor();
    await shot('07-review-marker-selected');

    // . steps one frame on; p goes back to the marker from just after it; n from the start finds it again.
    await page.keyboard.press('.');
    await page.keyboard.press('.');
    assert.ok((await videoTime()) > first.startSec);
    await page.keyboard.press('p');
    await waitForVideoTime(first.startSec);
    await clickCanvasAt(page.locator('[data-track="smile"] canvas'), 0, durationSec);
    await page.keyboard.press('n');
    await waitForVideoTime(first.startSec);
  });

  it('zooms from the whole session down to about five seconds around the playhead', async () => {
    const windowText = () => page.locator('.timeline-window').innerText();
    assert.match(await windowText(), /Showing 0:00\.0–0:12\.\d of 0:12\.\d/);
    await page.keyboard.press('+');
    await page.getByRole('button', { name: '+ Zoom in' }).click();
    assert.equal(await page.getByRole('button', { name: '+ Zoom in' }).isDisabled(), true, 'stops at about five seconds');
    const [, from, to] = /Showing 0:(\d+\.\d)–0:(\d+\.\d)/.exec(await windowText()) ?? [];
    assert.ok(Math.abs(Number(to) - Number(from) - 5) < 0.15, `window ${from}–${to}`);
    const playhead = await videoTime();
    assert.ok(Number(from) <= playhead && playhead <= Number(to), 'the playhead stays in view');
    await shot('08-review-zoomed');
    await page.keyboard.press('-');
    await page.getByRole('button', { name: 'Whole session' }).click();
    assert.match(await windowText(), /Showing 0:00\.0–0:12\.\d/);
  });

  it('queues several analyses; cancelling the running one stops it and the next goes on', async () => {
    await importAndStart(PEXELS);
    await importAndStart(HAPPY);
    await jobCard(HAPPY).getByText('1st in line').waitFor({ timeout: 30_000 });
    await jobCard(PEXELS).getByText('Analysing').waitFor();
    await shot('09-progress-queue');

    // The library stays usable while analyses run.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sessions' }).click();
    await page.locator('tr', { hasText: HAPPY }).getByText('Waiting to be analysed').waitFor();
    await shot('10-library-while-analysing');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Analyses/ }).click();

    // Cancelled once face analysis is under way, as a therapist would stop a long run. (Cancelling during
    // the vision browser's start-up works too, but leaves a start-up timer that keeps Node alive for
    // minutes: reported to the pipeline's owner.)
    await jobCard(PEXELS).getByText('Face').waitFor({ timeout: 60_000 });
    await jobCard(PEXELS).getByRole('button', { name: 'Cancel' }).click();
    await jobCard(PEXELS).getByText('Cancelled').waitFor({ timeout: 30_000 });
    assert.notEqual((await sessionNamed(PEXELS)).status, 'analysed');
    await jobCard(HAPPY).getByText('Finished').waitFor({ timeout: ANALYSIS_TIMEOUT });
    await shot('11-progress-done-and-cancelled');
  });

  it('deletes a session after confirmation and says what was deleted', async () => {
    const { id } = await sessionNamed(SESSION);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sessions' }).click();
    await page.getByRole('button', { name: `Delete ${SESSION}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this session?' });
    await dialog.waitFor();
    await shot('12-delete-confirm');
    await dialog.getByRole('button', { name: 'Delete session' }).click();
    const receipt = page.getByRole('status').filter({ hasText: `Deleted “${SESSION}”` });
    await receipt.waitFor();
    assert.match(await receipt.innerText(), /1 consent record/);
    assert.match(await receipt.innerText(), /1 analysis/);
    await shot('13-deleted-receipt');
    assert.equal(await page.locator(`tr[data-session-id="${id}"]`).count(), 0);
    const remaining = await invoke<SessionSummary[]>('library:list');
    assert.ok(!remaining.some((s) => s.id === id), 'gone from the store');
  });

  it('loaded nothing but the app and the recordings, without errors', () => {
    assert.deepEqual(harness.strayRequests, []);
    assert.deepEqual(harness.pageErrors, []);
  });
});
