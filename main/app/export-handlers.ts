/**
 * A session's exports from the app: the same files `attune export` writes (lib/export/format-names.ts),
 * with the notes, ratings and latest notice-first run the review holds, saved where the clinician chooses.
 */
import { basename, extname } from 'node:path';
import type { ChannelName, RequestOf, ResponseOf } from '../../lib/ipc/contract.ts';
import { EXPORT_SUFFIX } from '../../lib/export/format-names.ts';
import { exportPieces, type PdfPrinter } from '../export/export-analysis.ts';
import type { ProfileStore } from '../store/profile-store.ts';
import type { SessionRow } from '../store/session-records.ts';
import { AppError } from './app-error.ts';
import { saveExport, type PickSavePath } from './save-export.ts';

type ExportChannel = 'sessions:export';
type ExportHandlers = { [C in Extract<ChannelName, ExportChannel>]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

export interface ExportDeps {
  store: ProfileStore;
  sessionOrThrow: (id: string) => SessionRow;
  pickSavePath: PickSavePath | undefined;
  printPdf: PdfPrinter;
}

export function exportHandlers({ store, sessionOrThrow, pickSavePath, printPdf }: ExportDeps): ExportHandlers {
  /** A PDF that could not be printed is said in words; the HTML report holds the same. */
  const printOrExplain: PdfPrinter = async (html) => {
    try {
      return await printPdf(html);
    } catch (error) {
      const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new AppError('failed', `The PDF report could not be printed (${why}). The HTML report holds the same and can be printed from a browser.`);
    }
  };

  return {
    'sessions:export': async ({ sessionId, format, filePath }) => {
      const row = sessionOrThrow(sessionId);
      // As the review shows it: the roles the therapist named, and the markers that follow from them.
      const analysis = store.analyses.load(sessionId);
      if (!analysis) throw new AppError('conflict', 'This session has not been analysed yet, so there is nothing to export.');
      const work = { notes: store.notes.list(sessionId), notice: store.notice.latest(sessionId) };
      if (format === 'notes-csv' && work.notes.length === 0) {
        throw new AppError('conflict', 'This session has no notes or ratings yet, so there is no notes CSV to write.');
      }
      const suggestedName = `${basename(row.fileName, extname(row.fileName))}${EXPORT_SUFFIX[format]}`;
      const path = await saveExport({ filePath, pickSavePath, suggestedName }, () => exportPieces(analysis, format, work, printOrExplain), 'The export');
      return path === null ? null : { path };
    },
  };
}
