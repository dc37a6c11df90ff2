/** Notes on a session's review (lib/ipc/supervision-channels.ts): kept with the session, deleted with it. */
import { randomUUID } from 'node:crypto';
import type { Note, NoteContent } from '../../lib/ipc/supervision-channels.ts';
import type { ExportedNote } from '../../lib/export/notes-file.ts';
import type { Db } from './database.ts';

const COLUMNS = `id, session_id AS sessionId, author_role AS authorRole, author_name AS authorName, start_sec AS startSec,
  end_sec AS endSec, marker_id AS markerId, text, tag, rating, rating_scale AS ratingScale, created_at AS createdAt, updated_at AS updatedAt`;

export class NoteRecords {
  constructor(private readonly db: Db) {}

  /** The session's notes in time order (then in the order they were written). */
  list(sessionId: string): Note[] {
    return this.db.prepare(`SELECT ${COLUMNS} FROM notes WHERE session_id = ? ORDER BY start_sec, end_sec, created_at, id`).all(sessionId) as Note[];
  }

  get(noteId: string): Note | null {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM notes WHERE id = ?`).get(noteId) as Note | undefined) ?? null;
  }

  /** `ratingScale`: the name of the scale `content.rating` is on (null without a rating). */
  add(sessionId: string, content: NoteContent, ratingScale: string | null, now = new Date()): Note {
    const at = now.toISOString();
    const note: Note = { id: randomUUID(), sessionId, ...content, ratingScale, createdAt: at, updatedAt: at };
    this.db
      .prepare(
        `INSERT INTO notes (id, session_id, author_role, author_name, start_sec, end_sec, marker_id, text, tag, rating, rating_scale, created_at, updated_at)
         VALUES (@id, @sessionId, @authorRole, @authorName, @startSec, @endSec, @markerId, @text, @tag, @rating, @ratingScale, @createdAt, @updatedAt)`,
      )
      .run(note);
    return note;
  }

  /** The note as edited, or null when there is no such note. */
  update(noteId: string, content: NoteContent, ratingScale: string | null, now = new Date()): Note | null {
    const changed = this.db
      .prepare(
        `UPDATE notes SET author_role = @authorRole, author_name = @authorName, start_sec = @startSec, end_sec = @endSec,
           marker_id = @markerId, text = @text, tag = @tag, rating = @rating, rating_scale = @ratingScale, updated_at = @updatedAt WHERE id = @id`,
      )
      .run({ ...content, ratingScale, id: noteId, updatedAt: now.toISOString() }).changes;
    return changed ? this.get(noteId) : null;
  }

  /**
   * Writes a note as another library holds it (a review package's): its own id, author and times. A note
   * of that id in another session is never touched; returns whether the note was written.
   */
  put(sessionId: string, note: ExportedNote): boolean {
    return (
      this.db
        .prepare(
          `INSERT INTO notes (id, session_id, author_role, author_name, start_sec, end_sec, marker_id, text, tag, rating, rating_scale, created_at, updated_at)
           VALUES (@id, @sessionId, @authorRole, @authorName, @startSec, @endSec, @markerId, @text, @tag, @rating, @ratingScale, @createdAt, @updatedAt)
           ON CONFLICT(id) DO UPDATE SET author_role = excluded.author_role, author_name = excluded.author_name, start_sec = excluded.start_sec,
             end_sec = excluded.end_sec, marker_id = excluded.marker_id, text = excluded.text, tag = excluded.tag, rating = excluded.rating,
             rating_scale = excluded.rating_scale, created_at = excluded.created_at, updated_at = excluded.updated_at
           WHERE notes.session_id = excluded.session_id`,
        )
        .run({ ...note, sessionId }).changes > 0
    );
  }

  remove(noteId: string): boolean {
    return this.db.prepare('DELETE FROM notes WHERE id = ?').run(noteId).changes > 0;
  }
}
