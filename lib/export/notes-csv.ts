/** One row per note or rating, in time order, for spreadsheets and statistics. */
import { playerTime } from '../time/clock.ts';
import { numberField, row, textField } from './csv.ts';
import type { ExportedNote } from './notes-file.ts';

const HEADER = ['note_id', 'author_role', 'author', 'start_sec', 'end_sec', 'start', 'end', 'marker_id', 'tag', 'rating', 'rating_scale', 'text', 'created_at', 'updated_at'];

export function* notesCsv(notes: readonly ExportedNote[]): Generator<string> {
  yield row(HEADER);
  for (const note of [...notes].sort((a, b) => a.startSec - b.startSec || a.endSec - b.endSec)) {
    yield row([
      textField(note.id),
      textField(note.authorRole),
      textField(note.authorName),
      numberField(note.startSec, 3),
      numberField(note.endSec, 3),
      playerTime(note.startSec),
      playerTime(note.endSec),
      textField(note.markerId ?? ''),
      textField(note.tag ?? ''),
      note.rating === null ? '' : String(note.rating),
      textField(note.ratingScale ?? ''),
      textField(note.text),
      textField(note.createdAt),
      textField(note.updatedAt),
    ]);
  }
}
