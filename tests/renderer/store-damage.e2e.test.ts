/**
 * The damaged-library screen for real: a profile whose encrypted store has a page overwritten, opened by
 * the built renderer in headless Chromium over the real backend. The therapist is told in words, restores
 * the newest backup, and finds the sessions again; the Backups screen lists what is kept.
 * Screenshots go to test-output/screenshots/.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createAppBackend } from '../../main/app/backend.ts';
import { ProfileStore } from '../../main/store/profile-store.ts';
import { KNOWN_SNAPSHOTS, knownAnalysis } from '../app/fixtures.ts';
import { MODELS_DIR, REPO, scratch } from '../helpers/paths.ts';
import { APP_STAND_IN, startAppHarness, type AppHarness } from './harness/app-harness.ts';

const SCREENSHOTS = join(REPO, 'test-output', 'screenshots');
const NAMES = ['2026-11-02 Client A.mp4', '2026-11-09 Client A.mp4'];

/** A profile with two analysed sessions, backed up at its last start, whose store then had a page overwritten. */
async function damagedProfile(dataDir: string, key: Buffer): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const profile = ProfileStore.open(dataDir, key);
  NAMES.forEach((fileName, i) => {
    const sha = String(i).padStart(64, '0');
    const { id } = profile.sessions.create({ filePath: `/recordings/${fileName}`, fileName, sha256: sha, sizeBytes: 1, mtimeMs: 1, durationSec: 3000 });
    profile.sessions.recordConsent(id, { consentedBy: 'Client A', consentedAt: '2026-11-02', purposes: ['self-review'], retainUntil: '2099-11-02' });
    profile.analyses.save(id, knownAnalysis(sha), KNOWN_SNAPSHOTS);
  });
  profile.close();
  await createAppBackend({ dataDir, dbKey: key, modelsDir: MODELS_DIR, analyze: () => Promise.reject(new Error('not used')) }).close();
  const file = join(dataDir, 'sessions.db');
  const middlePage = Math.floor(statSync(file).size / 4096 / 2) * 4096;
  const fd = openSync(file, 'r+');
  writeSync(fd, randomBytes(4096), 0, 4096, middlePage);
  closeSync(fd);
}

describe('Attune renderer, a damaged session library', { timeout: 5 * 60_000 }, () => {
  const profileDir = scratch('renderer-damaged');
  let harness: AppHarness;
  let page: Page;

  beforeAll(async () => {
    assert.ok(existsSync(join(REPO, 'dist/renderer/index.js')), 'the renderer is built (npm run build)');
    mkdirSync(SCREENSHOTS, { recursive: true });
    const key = randomBytes(32);
    await damagedProfile(profileDir.dir, key);
    harness = await startAppHarness({ dataDir: profileDir.dir, dbKey: key });
    page = harness.page;
    await page.goto(`${APP_STAND_IN}/index.html`);
  });

  afterAll(async () => {
    await harness?.close();
    profileDir.remove();
  });

  it('says in words what happened and offers the backups, with nothing else to click', async () => {
    await page.getByRole('heading', { name: 'Your session library could not be opened' }).waitFor();
    const alert = page.getByRole('alert').first();
    assert.match(await alert.innerText(), /^Attune could not open your session library because part of its file can no longer be read\. The damaged file has been kept, unchanged, as “sessions\.db\.damaged-/);
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0, 'no way into a library that is not there');
    await page.getByRole('button', { name: /^Restore the backup from / }).first().waitFor();
    assert.match(await page.locator('.backup-list li').first().innerText(), /2 sessions/);
    await page.getByRole('button', { name: 'Start with an empty library' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '20-library-damaged.png'), fullPage: true });
  });

  it('restores the newest backup after one confirmation and shows the sessions again', async () => {
    await page.getByRole('button', { name: /^Restore the backup from / }).first().click();
    const confirm = page.getByRole('group', { name: 'Confirm the restore' });
    assert.match(await confirm.innerText(), /Sessions you deleted stay deleted/);
    await confirm.getByRole('button', { name: 'Restore this backup' }).click();
    const receipt = page.getByRole('status').filter({ hasText: 'Your library is back as it was on' });
    await receipt.waitFor();
    assert.match(await receipt.innerText(), /2 sessions restored/);
    await page.screenshot({ path: join(SCREENSHOTS, '21-library-restored.png'), fullPage: true });
    await receipt.getByRole('button', { name: 'Go to your sessions' }).click();
    await page.getByRole('heading', { name: 'Sessions' }).waitFor();
    for (const name of NAMES) await page.getByRole('rowheader', { name }).waitFor();
  });

  it('lists the backups on their own screen', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Backups' }).click();
    await page.getByRole('heading', { name: 'Backups' }).waitFor();
    await page.getByRole('button', { name: /^Restore the backup from / }).first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, '22-backups.png'), fullPage: true });
    assert.deepEqual(harness.strayRequests, []);
    assert.deepEqual(harness.pageErrors, []);
  });
});
