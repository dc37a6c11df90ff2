/** The export formats Attune writes, and the text ones as pure functions of the analysis. */
import type { Analysis } from '../analysis/types.ts';
import { analysisToEaf } from './eaf.ts';
import { framesCsv } from './frames-csv.ts';
import { markersCsv } from './markers-csv.ts';
import { notesCsv } from './notes-csv.ts';
import { NO_REVIEW_WORK, type ReviewWork } from './notes-file.ts';
import { analysisReportHtml } from './report-html.ts';
import { analysisToVtt } from './vtt.ts';

export const EXPORT_FORMATS = ['eaf', 'csv', 'markers-csv', 'vtt', 'html', 'pdf', 'notes-csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What the file name ends with, after the recording's base name. */
export const EXPORT_SUFFIX: Record<ExportFormat, string> = {
  eaf: '.eaf',
  csv: '.frames.csv',
  'markers-csv': '.markers.csv',
  vtt: '.markers.vtt',
  html: '.report.html',
  pdf: '.report.pdf',
  'notes-csv': '.notes.csv',
};

/** The formats that carry the app's notes, ratings and notice-first result when a notes file is given (notes-csv needs one). */
export const FORMATS_WITH_NOTES: readonly ExportFormat[] = ['eaf', 'html', 'pdf', 'notes-csv'];

export function isExportFormat(name: string): name is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(name);
}

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
