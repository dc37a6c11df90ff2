/**
 * Serves the vision page's files (../vision-files.ts) to headless Chromium through Playwright's request
 * interception, on a made-up origin that can never resolve (`.invalid`). No HTTP server is opened, and
 * every request for anything else is aborted: the browser reaches no network at run time. The
 * Content-Security-Policy on every served file is the second lock.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { BrowserContext, Route } from 'playwright-core';
import { contentTypeOf } from '../../privacy/content-security.ts';

export const VISION_ORIGIN = 'https://attune.invalid';

/**
 * Playwright passes each served file to Chromium as base64 text, so the workers' wasm and models (~24 MB
 * each) leave ~100 MB of strings and buffers behind in this process every time they load (at the start
 * and at each segment). When little else is allocated, V8 may not collect them for the rest of the run
 * (measured: Node at ~240 MB instead of ~145 MB through a 10-minute session, in some runs). So once no
 * file has been served for a moment, a full collection runs.
 */
const COLLECT_AFTER_MS = 1_000;

let fullCollection: (() => void) | null = null;

/** V8's full garbage collection, without starting Node with --expose-gc (as jest-leak-detector gets it). */
function collectGarbage(): void {
  if (!fullCollection) {
    setFlagsFromString('--expose-gc');
    fullCollection = runInNewContext('gc') as () => void;
  }
  fullCollection();
}

/**
 * Answers the table's paths on VISION_ORIGIN and aborts every other request, recording its URL in
 * `blocked` so tests and diagnostics can see what was attempted.
 */
export async function serveVisionFiles(context: BrowserContext, table: ReadonlyMap<string, string>, csp: string, blocked: string[]): Promise<void> {
  let collect: NodeJS.Timeout | undefined;
  await context.route('**/*', async (route: Route) => {
    const url = new URL(route.request().url());
    const file = url.origin === VISION_ORIGIN ? table.get(url.pathname) : undefined;
    if (!file) {
      blocked.push(url.href);
      await route.abort('blockedbyclient');
      return;
    }
    await route.fulfill({
      path: file,
      contentType: contentTypeOf(file),
      headers: { 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' },
    });
    clearTimeout(collect);
    collect = setTimeout(collectGarbage, COLLECT_AFTER_MS).unref();
  });
}
