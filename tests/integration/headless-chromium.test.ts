/**
 * The headless vision browser's command line and processes: Playwright's own disabled features survive
 * ours (Chromium keeps only the last --disable-features), and the browser starts no renderer beyond the
 * vision page's (no preloaded address-bar popups, no spare), each of which cost tens of MB.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { startChromiumVision } from '../../main/vision/headless/chromium-vision.ts';
import { visionModels } from '../helpers/paths.ts';

const MODELS = await visionModels();

/** A process's arguments (processes forked by Chromium's zygote rewrite theirs as one space-separated string). */
function argv(pid: number): string[] {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
}

it.skipIf(process.platform !== 'linux')('keeps every feature Playwright disables, and runs one renderer: the vision page', { timeout: 180_000 }, async () => {
  const engine = await startChromiumVision({ models: MODELS, workers: 1 });
  try {
    const commandLines = engine.processIds().map(argv);
    const browser = commandLines.find((args) => !args.some((arg) => arg.startsWith('--type=')));
    assert.ok(browser, 'the browser process is among the engine processes');
    const lists = browser.filter((arg) => arg.startsWith('--disable-features=')).map((arg) => arg.slice('--disable-features='.length).split(','));
    // Playwright's list first, ours last: ours is the one Chromium applies, so it must hold all of Playwright's.
    assert.ok(lists.length >= 1);
    const applied = new Set(lists.at(-1));
    for (const feature of lists.flat()) assert.ok(applied.has(feature), `${feature} is disabled by Playwright but dropped by our --disable-features`);
    assert.ok(applied.has('Translate') && applied.has('WebUIOmniboxPopup'));
    const renderers = commandLines.filter((args) => args.includes('--type=renderer'));
    assert.equal(renderers.length, 1, `renderers: ${renderers.length}`);
  } finally {
    await engine.close();
  }
});
