/** Writes one export of an analysis to a file, atomically: a reader never sees half an export. */
import type { Analysis } from '../../lib/analysis/types.ts';
import { exportText, type ExportFormat } from '../../lib/export/formats.ts';
import { NO_REVIEW_WORK, type ReviewWork } from '../../lib/export/notes-file.ts';
import { analysisReportHtml } from '../../lib/export/report-html.ts';
import { writeAtomically } from '../files/atomic-write.ts';
import { renderPdf } from './render-pdf.ts';

export async function exportAnalysis(analysis: Analysis, format: ExportFormat, target: string, work: ReviewWork = NO_REVIEW_WORK): Promise<void> {
  // The PDF is rendered before anything is written, so a browser that fails leaves no file at all.
  const pieces = format === 'pdf' ? [(await renderPdf(analysisReportHtml(analysis, work))).pdf] : exportText(analysis, format, work);
  await writeAtomically(target, pieces, 'The export');
}
