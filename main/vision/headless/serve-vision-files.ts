/**
 * Serves the vision page's files (../vision-files.ts) to headless Chromium through Playwright's request
 * interception, on a made-up origin that can never resolve (`.invalid`). No HTTP server is opened, and
 * every request for anything else is aborted: the browser reaches no network at run time. The
 * Content-Security-Policy on every served file is the second lock.
 */
import type { BrowserContext, Route } from 'playwright-core';
import { contentTypeOf } from '../../privacy/content-security.ts';

export const VISION_ORIGIN = 'https://attune.invalid';

/**
 * Answers the table's paths on VISION_ORIGIN and aborts every other request, recording its URL in
 * `blocked` so tests and diagnostics can see what was attempted.
 */
export async function serveVisionFiles(context: BrowserContext, table: ReadonlyMap<string, string>, csp: string, blocked: string[]): Promise<void> {
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
  });
}
