/**
 * The notes file the app exports ("Export notes…") and `attune export --notes` reads: a session's notes
 * and ratings, tied to the recording by its sha256 so they are never laid over another session's
 * analysis. Format (docs/exports.md, "Notes file"):
 *
 *   { "format": "attune-notes", "version": 1, "recording": { "sha256": "…" }, "exportedAt": "…",
 *     "notes": [ { "id", "authorRole", "authorName", "startSec", "endSec", "markerId", "text", "tag",
 *                  "rating", "ratingScale", "createdAt", "updatedAt" } ],
 *     "notice": null | { "createdAt", "presses": [ { "tSec", "word" } ], "markerCount",
 *                        "comparison": { "both": [ { "press", "markerId" } ], "onlyAttune", "onlyYou", "agreement" } } }
 *
 * `notice` is the session's latest "notice first" run (lib/notice/compare.ts); files without it are read
 * as having none.
 */
import { id, IpcValidationError, isoDate, nullable, object, text, type Parser } from '../ipc/parse.ts';
import { noteContentFields, pressParser, type Note, type NoticeRun } from '../ipc/supervision-channels.ts';

export type ExportedNote = Omit<Note, 'sessionId'>;

export type ExportedNotice = Omit<NoticeRun, 'id' | 'sessionId'>;

export interface NotesFile {
  format: 'attune-notes';
  version: 1;
  recording: { sha256: string };
  exportedAt: string;
  notes: ExportedNote[];
  notice: ExportedNotice | null;
}

/** What the review added to an analysis, for the exports: notes and ratings, and the latest notice-first run. */
export interface ReviewWork {
  notes: readonly ExportedNote[];
  notice: ExportedNotice | null;
}

export const NO_REVIEW_WORK: ReviewWork = { notes: [], notice: null };

export class NotesFileError extends Error {
  override name = 'NotesFileError';
}

export function notesFile(sha256: string, notes: readonly Note[], notice: NoticeRun | null, now = new Date()): NotesFile {
  return {
    format: 'attune-notes',
    version: 1,
    recording: { sha256 },
    exportedAt: now.toISOString(),
    notes: notes.map(({ sessionId: _session, ...note }) => note),
    notice: notice && { createdAt: notice.createdAt, presses: notice.presses, markerCount: notice.markerCount, comparison: notice.comparison },
  };
}

/** The notice run of a file, checked, or null; throws NotesFileError's message part when it is not complete. */
function checkedNotice(value: unknown): ExportedNotice | null {
  if (value === undefined || value === null) return null;
  const presses = (v: unknown) => Array.isArray(v) && v.every((p) => accepts(pressParser, p));
  const ok =
    isObject(value) &&
    typeof value.createdAt === 'string' &&
    presses(value.presses) &&
    Number.isInteger(value.markerCount) &&
    isObject(value.comparison) &&
    Array.isArray(value.comparison.both) &&
    value.comparison.both.every((b: unknown) => isObject(b) && presses([b.press]) && typeof b.markerId === 'string') &&
    Array.isArray(value.comparison.onlyAttune) &&
    presses(value.comparison.onlyYou) &&
    (value.comparison.agreement === null || (typeof value.comparison.agreement === 'number' && value.comparison.agreement >= 0 && value.comparison.agreement <= 1));
  if (!ok) throw new Error('the "notice first" result is not complete');
  return value as unknown as ExportedNotice;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A note as the file holds it: the fields the app's notes channel checks, plus its id, scale name and times. */
const exportedNote = object<ExportedNote>({ id, ...noteContentFields, ratingScale: nullable(text(80)), createdAt: isoDate, updatedAt: isoDate });

/** True when `parser` accepts `value` (the IPC parsers throw on anything else). */
function accepts(parser: Parser<unknown>, value: unknown): boolean {
  try {
    parser(value, 'value');
    return true;
  } catch (error) {
    if (error instanceof IpcValidationError) return false;
    throw error;
  }
}

/** The notes of a file, checked; a NotesFileError says in words what is wrong (`name` is how to call the file). */
export function parseNotesFile(text: string, name: string): NotesFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new NotesFileError(`${name} is damaged or cut short: it is not complete JSON. Export the notes from Attune again.`);
  }
  if (!isObject(value) || value.format !== 'attune-notes') throw new NotesFileError(`${name} is not an Attune notes file.`);
  if (value.version !== 1) throw new NotesFileError(`${name} was written by a newer version of Attune (notes format ${String(value.version)}); update Attune to use it.`);
  if (!isObject(value.recording) || typeof value.recording.sha256 !== 'string' || !Array.isArray(value.notes)) {
    throw new NotesFileError(`${name} is damaged: the recording or the notes are missing.`);
  }
  value.notes.forEach((note: unknown, i: number) => {
    const ok = accepts(exportedNote, note) && (note as ExportedNote).endSec >= (note as ExportedNote).startSec;
    if (!ok) throw new NotesFileError(`${name} is damaged: note ${i + 1} is not complete.`);
  });
  let notice: ExportedNotice | null;
  try {
    notice = checkedNotice(value.notice);
  } catch (error) {
    throw new NotesFileError(`${name} is damaged: ${(error as Error).message}.`);
  }
  return { ...(value as unknown as NotesFile), notice };
}
