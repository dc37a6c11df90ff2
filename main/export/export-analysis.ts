/** Writes one export of an analysis to a file, atomically: a reader never sees half an export. */
import type { Analysis } from '../../lib/analysis/types.ts';
import { exportText, type ExportFormat } from '../../lib/export/formats.ts';
import type { ExportedNote } from '../../lib/export/notes-file.ts';
import { analysisReportHtml } from '../../lib/export/report-html.ts';
import { writeAtomically } from '../files/atomic-write.ts';
import { renderPdf } from './render-pdf.ts';

export async function exportAnalysis(analysis: Analysis, format: ExportFormat, target: string, notes: readonly ExportedNote[] = []): Promise<void> {
  // The PDF is rendered before anything is written, so a browser that fails leaves no file at all.
  const pieces = format === 'pdf' ? [(await renderPdf(analysisReportHtml(analysis, notes))).pdf] : exportText(analysis, format, notes);
  await writeAtomically(target, pieces, 'The export');
}
