/**
 * Prints the HTML report to PDF with headless Chromium's own print engine, so the PDF is exactly the
 * page a browser shows. The page runs with scripts off and every request refused: the report is
 * self-contained, and a request would mean something in it tried to reach out.
 */
import { chromium } from 'playwright-core';
import { findChromium } from '../chromium/find-chromium.ts';
import { headlessChromiumArgs } from '../chromium/headless-args.ts';

export interface RenderedPdf {
  pdf: Uint8Array;
  /** Every request the page attempted (all refused); empty for a well-formed report. */
  blockedRequests: string[];
}

/** Page numbers at the foot of every page; the app's print engine uses the same. */
export const PDF_FOOTER =
  '<div style="font: 8px sans-serif; color: #666; width: 100%; text-align: center;">Attune session report · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>';

export async function renderPdf(html: string): Promise<RenderedPdf> {
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: headlessChromiumArgs(),
    // Attune handles Ctrl-C itself; Playwright's handlers would exit the process under it.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
    const blockedRequests: string[] = [];
    await context.route('**/*', async (route) => {
      blockedRequests.push(route.request().url());
      await route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: PDF_FOOTER,
    });
    return { pdf, blockedRequests };
  } finally {
    await browser.close();
  }
}
