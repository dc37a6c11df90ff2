/** Writes one export of an analysis to a file, atomically: a reader never sees half an export. */
import type { Analysis } from '../../lib/analysis/types.ts';
import { exportText } from '../../lib/export/formats.ts';
import type { ExportFormat } from '../../lib/export/format-names.ts';
import { NO_REVIEW_WORK, type ReviewWork } from '../../lib/export/notes-file.ts';
import { analysisReportHtml } from '../../lib/export/report-html.ts';
import { writeAtomically } from '../files/atomic-write.ts';
import { renderPdf } from './render-pdf.ts';

/** Prints the report's HTML to PDF: headless Chromium for the CLI, the app's own print engine in Electron. */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

export const printWithChromium: PdfPrinter = async (html) => (await renderPdf(html)).pdf;

/** The export's bytes in order; the PDF is rendered whole first, so a browser that fails leaves no file at all. */
export async function exportPieces(
  analysis: Analysis,
  format: ExportFormat,
  work: ReviewWork = NO_REVIEW_WORK,
  printPdf: PdfPrinter = printWithChromium,
): Promise<Iterable<string | Uint8Array>> {
  return format === 'pdf' ? [await printPdf(analysisReportHtml(analysis, work))] : exportText(analysis, format, work);
}

export async function exportAnalysis(analysis: Analysis, format: ExportFormat, target: string, work: ReviewWork = NO_REVIEW_WORK): Promise<void> {
  await writeAtomically(target, await exportPieces(analysis, format, work), 'The export');
}
