/**
 * Merging notes that come back in a review package (docs/review-package.md, "Merging notes"): notes are
 * matched by id (each note's id is made once, where it was first written, and travels with it).
 * - A note only in the package is added; a note only here is kept.
 * - A note in both, different: the version edited last (`updatedAt`) is kept — the other side's later
 *   edit is never overwritten by an older copy. At the same instant, this library's version stays.
 * - Deleting is not carried: a note deleted here that the package still holds comes back.
 * - A note that comes back unedited from a de-identified package (its author's name left out, nothing
 *   else changed, the same edit time) is the same note: unchanged, and the name here stays.
 * Nothing is lost silently: the counts say what changed, and the app backs the library up first.
 */
import type { ExportedNote } from '../export/notes-file.ts';

export interface NotesMerge {
  /** The notes to write into this library: new ones and later edits, in the package's order. */
  write: ExportedNote[];
  added: number;
  /** Notes here replaced by a later edit from the package. */
  updated: number;
  /** Notes in both that differ, where this library's version is the later (or as late) one and stays. */
  keptHere: number;
  unchanged: number;
}

const CONTENT: (keyof ExportedNote)[] = ['authorRole', 'authorName', 'startSec', 'endSec', 'markerId', 'text', 'tag', 'rating', 'ratingScale', 'createdAt', 'updatedAt'];

const same = (a: ExportedNote, b: ExportedNote, ignoring: keyof ExportedNote | null = null): boolean =>
  CONTENT.every((key) => key === ignoring || a[key] === b[key]);

export function mergeNotes(here: readonly ExportedNote[], incoming: readonly ExportedNote[]): NotesMerge {
  const byId = new Map(here.map((note) => [note.id, note]));
  const merge: NotesMerge = { write: [], added: 0, updated: 0, keptHere: 0, unchanged: 0 };
  for (const note of incoming) {
    const mine = byId.get(note.id);
    if (!mine) {
      merge.write.push(note);
      merge.added++;
    } else if (same(mine, note, 'authorName')) {
      // Only the author's name differs and neither was edited later: a de-identified copy of this note.
      merge.unchanged++;
    } else if (Date.parse(note.updatedAt) > Date.parse(mine.updatedAt)) {
      merge.write.push(note);
      merge.updated++;
    } else {
      merge.keptHere++;
    }
  }
  return merge;
}
