/**
 * The report printed to PDF by Electron's own Chromium, in the app: a hidden window in a partition of its
 * own, with scripts off, whose one page is the report, served from memory on attune://report/ (never a
 * file on disk: the report holds client data) under a policy that lets nothing load.
 */
import { BrowserWindow, session } from 'electron';
import { APP_SCHEME } from '../../lib/ipc/origins.ts';
import type { PdfPrinter } from '../export/export-analysis.ts';
import { PDF_FOOTER } from '../export/render-pdf.ts';
import { hardenSession } from './hardening.ts';

const PARTITION = 'attune-report';
const REPORT_URL = `${APP_SCHEME}://report/`;
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function electronPdfPrinter(): PdfPrinter {
  const reportSession = session.fromPartition(PARTITION);
  hardenSession(reportSession);
  let page = '';
  reportSession.protocol.handle(APP_SCHEME, () =>
    new Response(page, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': REPORT_CSP, 'Cache-Control': 'no-store' } }),
  );
  // One report at a time: the partition serves one page.
  let queue: Promise<unknown> = Promise.resolve();
  return (html) => {
    const printed = queue.then(async () => {
      page = html;
      const window = new BrowserWindow({
        show: false,
        webPreferences: { session: reportSession, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
      });
      try {
        await window.loadURL(REPORT_URL);
        const pdf = await window.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: PDF_FOOTER });
        return new Uint8Array(pdf);
      } finally {
        page = '';
        window.destroy();
      }
    });
    queue = printed.catch(() => undefined);
    return printed;
  };
}
