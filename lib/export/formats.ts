/** The text export formats as pure functions of the analysis (the list of formats: format-names.ts). */
import type { Analysis } from '../analysis/types.ts';
import { analysisToEaf } from './eaf.ts';
import { framesCsv } from './frames-csv.ts';
import { markersCsv } from './markers-csv.ts';
import { notesCsv } from './notes-csv.ts';
import { NO_REVIEW_WORK, type ReviewWork } from './notes-file.ts';
import { analysisReportHtml } from './report-html.ts';
import { analysisToVtt } from './vtt.ts';
import type { ExportFormat } from './format-names.ts';

/** The text formats, as pieces in order (a frames CSV of a long session is never one string). */
export function exportText(analysis: Analysis, format: Exclude<ExportFormat, 'pdf'>, work: ReviewWork = NO_REVIEW_WORK): Iterable<string> {
  switch (format) {
    case 'eaf':
      return [analysisToEaf(analysis, work)];
    case 'csv':
      return framesCsv(analysis);
    case 'markers-csv':
      return markersCsv(analysis);
    case 'vtt':
      return analysisToVtt(analysis);
    case 'html':
      return [analysisReportHtml(analysis, work)];
    case 'notes-csv':
      return notesCsv(work.notes);
  }
}
