/** The steps every end-to-end test of the app takes the same way: choose a recording, record consent. */
import type { Page } from 'playwright-core';
import type { AppHarness } from './app-harness.ts';

/** Import screen → the fake file dialog returns `path` → the recording's heading shows. */
export async function chooseRecording(page: Page, harness: AppHarness, path: string, fileName: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Import a recording' }).click();
  harness.pickNext(path);
  await page.getByRole('button', { name: 'Choose a recording…' }).click();
  await page.getByRole('heading', { name: fileName }).waitFor();
}

/** A complete consent record: for supervision, kept a year. */
export async function fillConsent(page: Page): Promise<void> {
  await page.getByLabel('Who gave consent?').fill('Client A. (ref. 0417)');
  await page.getByLabel('Supervision').check();
  await page.getByLabel('How long may the data be kept?').selectOption('12');
  await page.getByLabel(/I confirm the client gave informed consent/).check();
}
