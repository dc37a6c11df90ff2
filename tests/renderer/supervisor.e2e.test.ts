/**
 * A supervisor's side of a review package, in the built renderer over the real backend: a library that
 * has never seen the session opens the package (made here as the therapist's app makes it, with a clip
 * cut by ffmpeg from a real recording), reviews it without the recording — the clip plays in the video's
 * place — writes a note, and seals a package back that carries it. Screenshot 43.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clipWindow } from '../../lib/clips/clip-windows.ts';
import { notesFile } from '../../lib/export/notes-file.ts';
import { cutClip } from '../../main/clips/cut-clip.ts';
import { writeAtomically } from '../../main/files/atomic-write.ts';
import { packageContents, packageEntries } from '../../main/package/review-package.ts';
import { openSealedFile, sealEntries } from '../../main/package/sealed-file.ts';
import { sha256OfFile } from '../../models/manifest.ts';
import { copyRecording, knownAnalysis } from '../app/fixtures.ts';
import { REPO, scratch } from '../helpers/paths.ts';
import { APP_STAND_IN, startAppHarness, type AppHarness } from './harness/app-harness.ts';

const SCREENSHOTS = join(REPO, 'test-output', 'screenshots');
const PASS = 'lantern over the bay';
const work = scratch('supervisor');
let harness: AppHarness;
let page: Page;
let packagePath: string;
let clipSec: number;

describe('A supervisor opens a review package', { timeout: 5 * 60_000 }, () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // The therapist's side: a real recording, its analysis, a note, consent for supervision, one clip.
    const recording = copyRecording(join(work.dir, 'therapist'));
    const analysis = knownAnalysis(await sha256OfFile(recording));
    const at = '2026-12-01T10:00:00.000Z';
    const note = { id: 'n-therapist', sessionId: 's', authorRole: 'therapist' as const, authorName: 'T. Lind', startSec: 0.3, endSec: 0.3, markerId: null, text: 'She looked away here', tag: null, rating: null, ratingScale: null, createdAt: at, updatedAt: at };
    const consent = { consentedBy: 'Client Q', consentedAt: '2026-12-01', purposes: ['self-review' as const, 'supervision' as const], retainUntil: '2099-12-01', recordedAt: at };
    const window = clipWindow(analysis.markers[0]!, analysis.source.durationSec);
    clipSec = window.endSec - window.startSec;
    packagePath = join(work.dir, 'for-supervision.attune');
    const clips = { windows: [window], deidentified: false, make: () => cutClip(recording, window) };
    await writeAtomically(packagePath, sealEntries(packageEntries(analysis, notesFile(analysis.source.sha256, [note], null), consent, clips), PASS), 'test');

    harness = await startAppHarness();
    page = harness.page;
    await page.goto(`${APP_STAND_IN}/index.html`);
    await page.getByRole('heading', { name: 'Sessions' }).waitFor();
  });

  afterAll(async () => {
    await harness?.close();
    work.remove();
  });

  it('opens the package from the library: the session is added, reviewed without its recording, the clip plays', async () => {
    await page.getByRole('button', { name: 'Open a review package…' }).click();
    const form = page.getByRole('form', { name: 'Open a review package' });
    await form.getByLabel('The package’s passphrase').fill('not the passphrase');
    harness.pickNext(packagePath);
    await form.getByRole('button', { name: 'Choose the package…' }).click();
    await form.getByRole('alert').getByText('The passphrase does not open for-supervision.attune. Check it with the person who sent the package.').waitFor();

    await form.getByLabel('The package’s passphrase').fill(PASS);
    harness.pickNext(packagePath);
    await form.getByRole('button', { name: 'Choose the package…' }).click();
    await page.getByRole('status').getByText(/^Added “session\.mp4” from the package of .+ to your sessions, with 1 note\. Its recording is not on this computer\.$/).waitFor();
    await page.getByRole('note').getByText(/^Received in a review package made /).waitFor();
    // Noticing first is offered to a supervisor too; here the markers are shown at once.
    await page.getByRole('button', { name: 'Show the markers now' }).click();
    await page.locator('section.notes-panel').getByText('She looked away here').waitFor();

    const clip = page.locator('.received-clips video');
    await page.waitForFunction(() => {
      const video = document.querySelector<HTMLVideoElement>('.received-clips video');
      return video !== null && video.readyState >= 1 && Number.isFinite(video.duration);
    });
    const duration = await clip.evaluate((v) => (v as HTMLVideoElement).duration);
    assert.ok(Math.abs(duration - clipSec) < 0.3, `the clip is the marker with 4 s either side, inside the recording (${duration} s, expected ${clipSec} s)`);
    await page.screenshot({ path: join(SCREENSHOTS, '43-supervisor-received.png'), fullPage: true });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sessions' }).click();
    await page.getByRole('row', { name: /session\.mp4/ }).getByText(/^Received in a package, /).waitFor();
    await page.getByRole('row', { name: /session\.mp4/ }).getByRole('button', { name: 'Review' }).click();
    assert.deepEqual(harness.pageErrors, []);
    assert.deepEqual(harness.strayRequests, []);
  });

  it('writes a note and seals a package back that carries it (and no clips: there is no recording here)', async () => {
    await page.locator('h1').click();
    await page.keyboard.press('a');
    const notes = page.locator('section.notes-panel');
    const form = notes.getByRole('form', { name: 'Write a note' });
    await form.getByLabel('Written by').selectOption('supervisor');
    await form.getByLabel('Name').fill('Dr. S.');
    await form.getByRole('textbox', { name: 'Note' }).fill('You stayed with it. Say more next time.');
    await form.getByRole('button', { name: /Save note/ }).click();
    await notes.getByText('You stayed with it. Say more next time.').waitFor();

    const pkg = page.locator('section.package-panel');
    await pkg.getByRole('button', { name: 'Seal a package back…' }).click();
    assert.equal(await pkg.locator('fieldset.package-clips').count(), 0, 'no clips to offer without the recording');
    await pkg.getByLabel(/^Passphrase/).fill(PASS);
    await pkg.getByLabel('The passphrase again').fill(PASS);
    const back = join(work.dir, 'back.attune');
    harness.pickNext(back);
    await pkg.getByRole('button', { name: 'Seal and save…' }).click();
    await pkg.getByRole('status').getByText(`Sealed and saved to ${back}.`, { exact: false }).waitFor();
    const contents = packageContents(await openSealedFile(back, PASS), 'back.attune');
    assert.deepEqual(contents.notes?.notes.map((n) => [n.authorRole, n.text]).sort(), [
      ['supervisor', 'You stayed with it. Say more next time.'],
      ['therapist', 'She looked away here'],
    ]);
    assert.deepEqual(contents.clips, []);
    assert.deepEqual(harness.pageErrors, []);
  });
});
