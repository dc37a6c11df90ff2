/** The export formats Attune writes, by name: the CLI's --format, the app's Export menu and the IPC contract share this list. */

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

/** What each format is, in a clinician's words (the app's Export list). */
export const EXPORT_FORMAT_WORDS: Record<ExportFormat, string> = {
  pdf: 'Session report (PDF)',
  html: 'Session report (web page)',
  eaf: 'ELAN annotation file (.eaf)',
  'markers-csv': 'Markers (CSV)',
  vtt: 'Markers as captions (VTT)',
  csv: 'Measures at every analysed frame (CSV)',
  'notes-csv': 'Notes and ratings (CSV)',
};

/** The formats that carry the app's notes, ratings and notice-first result when a notes file is given (notes-csv needs one). */
export const FORMATS_WITH_NOTES: readonly ExportFormat[] = ['eaf', 'html', 'pdf', 'notes-csv'];

export function isExportFormat(name: string): name is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(name);
}
