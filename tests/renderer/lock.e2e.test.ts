/**
 * The idle lock in the built renderer over the real backend: a profile with a session, the lock set in
 * Settings, the computer idle past the time — the lock screen hides everything and main answers nothing
 * but unlocking; the lock passphrase brings the same screen back. Screenshot 41 in test-output/screenshots/.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ProfileStore } from '../../main/store/profile-store.ts';
import { KNOWN_SNAPSHOTS, knownAnalysis, testKey } from '../app/fixtures.ts';
import { REPO, scratch } from '../helpers/paths.ts';
import { APP_STAND_IN, startAppHarness, type AppHarness } from './harness/app-harness.ts';

const SCREENSHOTS = join(REPO, 'test-output', 'screenshots');
const NAME = '2026-11-02 Client B.mp4';
const work = scratch('lock');
let harness: AppHarness;
let page: Page;
let idle = 0;

describe('Idle lock', { timeout: 5 * 60_000 }, () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const dataDir = join(work.dir, 'profile');
    const dbKey = testKey();
    mkdirSync(dataDir, { recursive: true });
    const profile = ProfileStore.open(dataDir, dbKey);
    const sha = '7'.repeat(64);
    const { id } = profile.sessions.create({ filePath: `/recordings/${NAME}`, fileName: NAME, sha256: sha, sizeBytes: 1, mtimeMs: 1, durationSec: 3000 });
    profile.sessions.recordConsent(id, { consentedBy: 'Client B', consentedAt: '2026-11-02', purposes: ['self-review'], retainUntil: '2099-11-02' });
    profile.analyses.save(id, knownAnalysis(sha), KNOWN_SNAPSHOTS);
    profile.close();
    harness = await startAppHarness({ dataDir, dbKey }, { idleSeconds: () => idle, lockCheckMs: 100 });
    page = harness.page;
    await page.goto(`${APP_STAND_IN}/index.html`);
    await page.getByText(NAME).waitFor();
  });

  afterAll(async () => {
    await harness?.close();
    work.remove();
  });

  it('is set in Settings: after how long, and the passphrase unlocking asks for', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    const form = page.getByRole('form', { name: 'Lock' });
    await form.getByLabel('Lock after').fill('1');
    await form.getByLabel(/^New lock passphrase/).fill('tea at five');
    await form.getByLabel('The new passphrase again').fill('tea at five');
    await form.getByRole('button', { name: 'Save lock settings' }).click();
    await form.getByRole('status').getByText('Saved.').waitFor();
    await form.getByText('Unlocking asks for the lock passphrase.').waitFor();
  });

  it('locks after a minute away: nothing of the client on screen, and main refuses to give it', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sessions' }).click();
    await page.getByText(NAME).waitFor();
    idle = 60;
    await page.getByRole('heading', { name: 'Attune is locked' }).waitFor();
    assert.equal(await page.getByText(NAME).count(), 0, 'the library is gone from the screen');
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0);
    const refused = await page.evaluate(() => window.attune.library.list().then(() => 'answered', (e: Error) => e.message));
    assert.equal(refused, 'Attune is locked. Unlock it to go on.');
    await page.screenshot({ path: join(SCREENSHOTS, '41-lock-screen.png'), fullPage: true });
  });

  it('unlocks with the lock passphrase only, back where it was; Lock locks at once', async () => {
    idle = 0;
    const form = page.getByRole('form', { name: 'Unlock' });
    await form.getByLabel('Lock passphrase').fill('tea at six');
    await form.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('alert').getByText('That is not the lock passphrase.').waitFor();
    await form.getByLabel('Lock passphrase').fill('tea at five');
    await form.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText(NAME).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('heading', { name: 'Attune is locked' }).waitFor();
    await page.getByLabel('Lock passphrase').fill('tea at five');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText(NAME).waitFor();
    assert.deepEqual(harness.pageErrors, []);
  });
});
