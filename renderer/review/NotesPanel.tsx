/**
 * Notes on the review, by the therapist or a supervisor: at the playhead, or about the selected marker
 * (its span), with an optional tag and an optional rating of the therapist's empathic responding on the
 * service's scale. Listed in time order; a note's time seeks the video; each can be edited or deleted;
 * the session's ratings are summarised (mean, spread). `a` opens a new note at the playhead.
 */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Marker } from '../../lib/analysis/types.ts';
import { DEFAULT_NOTE_TAGS, NOTE_AUTHOR_ROLES, type Note, type NoteAuthorRole, type NoteContent, type ScaleInfo } from '../../lib/ipc/supervision-channels.ts';
import { ratingSummary, type RatingScale } from '../../lib/ratings/scale.ts';
import { clockRange, formatClock } from '../../lib/time/clock.ts';
import { errorMessage, useApi } from '../app/api-context.ts';

const AUTHOR_WORDS: Record<NoteAuthorRole, string> = { therapist: 'Therapist', supervisor: 'Supervisor' };

interface Props {
  sessionId: string;
  /** The session's notes (use-notes.ts), null while loading; `onChanged` reloads them after an edit. */
  notes: readonly Note[] | null;
  onChanged: () => void;
  playheadSec: number;
  selectedMarker: Marker | null;
  /** Bumped by the `a` key: open a new note at the playhead. */
  openRequest: number;
  onSeek: (sec: number) => void;
}

/** Who is writing: asked once per review and kept while it is open. */
interface Author {
  role: NoteAuthorRole;
  name: string;
}

const when = (note: Pick<Note, 'startSec' | 'endSec'>) =>
  note.endSec > note.startSec ? clockRange(note.startSec, note.endSec) : formatClock(note.startSec, true);

export function NotesPanel({ sessionId, notes, onChanged: reload, playheadSec, selectedMarker, openRequest, onSeek }: Props) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const [author, setAuthor] = useState<Author>({ role: 'therapist', name: '' });
  /** The note being written: a new one (null id) or an edit. */
  const [draft, setDraft] = useState<{ id: string | null; content: NoteContent } | null>(null);
  const [scale, setScale] = useState<ScaleInfo | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  useEffect(() => {
    api.notes
      .scale()
      .then(setScale)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [api]);

  const startNew = useCallback(() => {
    setError(null);
    setDraft({
      id: null,
      content: { ...authorFields(author), startSec: playheadSec, endSec: playheadSec, markerId: null, text: '', tag: null, rating: null },
    });
  }, [author, playheadSec]);

  // The `a` key: each press (a new request number) opens a new note.
  const seenRequest = useRef(openRequest);
  useEffect(() => {
    if (openRequest === seenRequest.current) return;
    seenRequest.current = openRequest;
    startNew();
  }, [openRequest, startNew]);

  const save = async (content: NoteContent, id: string | null) => {
    try {
      if (id === null) await api.notes.add({ sessionId, ...content });
      else await api.notes.update({ noteId: id, ...content });
      setAuthor({ role: content.authorRole, name: content.authorName });
      setDraft(null);
      setError(null);
      reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const exportNotes = async () => {
    try {
      const result = await api.notes.export({ sessionId });
      if (result) setExported(`Exported ${result.count} note${result.count === 1 ? '' : 's'} to ${result.path}.`);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const remove = async (note: Note) => {
    try {
      await api.notes.delete({ noteId: note.id });
      reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="notes-panel" aria-labelledby="notes-title">
      <div className="notes-head">
        <h2 id="notes-title">
          Notes <span className="count">({notes?.length ?? 0})</span>
        </h2>
        <div className="note-actions">
          {draft === null && (
            <button type="button" onClick={startNew} aria-keyshortcuts="a">
              Add a note at {formatClock(playheadSec, true)} (a)
            </button>
          )}
          {(notes?.length ?? 0) > 0 && (
            <button type="button" onClick={() => void exportNotes()}>
              Export notes…
            </button>
          )}
        </div>
      </div>
      <p className="save-state" role="status">
        {exported}
      </p>
      {scale && <RatingsSummary notes={notes ?? []} scale={scale.scale} />}
      {scale?.problem && (
        <p className="error" role="note">
          {scale.problem}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {draft?.id === null && scale && (
        <NoteForm initial={draft.content} scale={scale.scale} selectedMarker={selectedMarker} onSave={(c) => void save(c, null)} onCancel={() => setDraft(null)} />
      )}
      {notes && notes.length === 0 && draft === null && <p className="empty">No notes yet. Press a to write one at the playhead.</p>}
      <ol className="notes">
        {(notes ?? []).map((note) =>
          draft?.id === note.id && scale ? (
            <li key={note.id} className="note">
              <NoteForm initial={draft.content} scale={scale.scale} selectedMarker={selectedMarker} onSave={(c) => void save(c, note.id)} onCancel={() => setDraft(null)} />
            </li>
          ) : (
            <li key={note.id} className="note" data-note-id={note.id}>
              <button type="button" className="note-time" onClick={() => onSeek(note.startSec)}>
                {when(note)}
              </button>{' '}
              <span className="note-author">
                {AUTHOR_WORDS[note.authorRole]}: {note.authorName}
              </span>
              {note.tag && <span className="note-tag">{note.tag}</span>}
              {note.markerId && <span className="note-marker">on marker {note.markerId}</span>}
              {note.rating !== null && <span className="note-rating">{ratingWords(note, scale?.scale ?? null)}</span>}
              <p className="note-text">{note.text}</p>
              <div className="note-actions">
                <button type="button" onClick={() => setDraft({ id: note.id, content: contentOf(note) })}>
                  Edit
                </button>
                <button type="button" onClick={() => void remove(note)}>
                  Delete
                </button>
              </div>
            </li>
          ),
        )}
      </ol>
    </section>
  );
}

const authorFields = (author: Author) => ({ authorRole: author.role, authorName: author.name });

function contentOf(note: Note): NoteContent {
  const { authorRole, authorName, startSec, endSec, markerId, text, tag, rating } = note;
  return { authorRole, authorName, startSec, endSec, markerId, text, tag, rating };
}

/** "Empathic responding 4 · Adds", or, for a rating made on another scale, its number and that scale's name. */
function ratingWords(note: Note, scale: RatingScale | null): string {
  const level = scale && note.ratingScale === scale.name ? scale.levels.find((l) => l.value === note.rating) : undefined;
  return level ? `Empathic responding ${level.value} · ${level.label}` : `Rated ${note.rating} on “${note.ratingScale ?? 'another scale'}”`;
}

/** The session's ratings on the scale in use: how many, their mean and spread. */
function RatingsSummary({ notes, scale }: { notes: readonly Note[]; scale: RatingScale }) {
  const summary = ratingSummary(notes.filter((n) => n.rating !== null && n.ratingScale === scale.name).map((n) => n.rating!));
  if (!summary) return null;
  return (
    <p className="ratings-summary">
      Empathic responding, {summary.count} rating{summary.count === 1 ? '' : 's'} on “{scale.name}”: mean {summary.mean}
      {summary.spread !== null && `, spread (SD) ${summary.spread}`}.
    </p>
  );
}

interface FormProps {
  initial: NoteContent;
  scale: RatingScale;
  selectedMarker: Marker | null;
  onSave: (content: NoteContent) => void;
  onCancel: () => void;
}

function NoteForm({ initial, scale, selectedMarker, onSave, onCancel }: FormProps) {
  const ids = useId();
  const [content, setContent] = useState(initial);
  // The marker a note can be about: the one it is already on (an edit), else the selected one.
  const target =
    initial.markerId !== null
      ? { id: initial.markerId, startSec: initial.startSec, endSec: initial.endSec }
      : selectedMarker && { id: selectedMarker.id, startSec: selectedMarker.startSec, endSec: selectedMarker.endSec };
  const [onMarker, setOnMarker] = useState(initial.markerId !== null);
  const set = (patch: Partial<NoteContent>) => setContent((c) => ({ ...c, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const span =
      onMarker && target
        ? { startSec: target.startSec, endSec: target.endSec, markerId: target.id }
        : { markerId: null, endSec: initial.markerId !== null ? content.startSec : content.endSec };
    onSave({ ...content, ...span, authorName: content.authorName.trim(), text: content.text.trim(), tag: content.tag?.trim() || null });
  };

  return (
    <form className="note-form" onSubmit={submit} aria-label="Write a note">
      <p className="note-when">{onMarker && target ? `About marker ${target.id} (${when(target)})` : `At ${when(content)}`}</p>
      {target && (
        <label className="check">
          <input type="checkbox" checked={onMarker} onChange={(e) => setOnMarker(e.target.checked)} /> About the selected marker
        </label>
      )}
      <label htmlFor={`${ids}-text`}>Note</label>
      <textarea
        id={`${ids}-text`}
        // Focused as it mounts (not in an effect afterwards), so typing straight after `a` lands in the note.
        autoFocus
        maxLength={4000}
        rows={3}
        value={content.text}
        onChange={(e) => set({ text: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
        }}
      />
      <div className="note-fields">
        <label>
          Tag{' '}
          <input list={`${ids}-tags`} maxLength={40} value={content.tag ?? ''} onChange={(e) => set({ tag: e.target.value })} />
          <datalist id={`${ids}-tags`}>
            {DEFAULT_NOTE_TAGS.map((tag) => (
              <option key={tag} value={tag} />
            ))}
          </datalist>
        </label>
        <label>
          Empathic responding{' '}
          <select value={content.rating ?? ''} onChange={(e) => set({ rating: e.target.value === '' ? null : Number(e.target.value) })}>
            <option value="">not rated</option>
            {scale.levels.map((level) => (
              <option key={level.value} value={level.value}>
                {level.value} · {level.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Written by{' '}
          <select value={content.authorRole} onChange={(e) => set({ authorRole: e.target.value as NoteAuthorRole })}>
            {NOTE_AUTHOR_ROLES.map((role) => (
              <option key={role} value={role}>
                {AUTHOR_WORDS[role]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Name <input required maxLength={80} value={content.authorName} onChange={(e) => set({ authorName: e.target.value })} />
        </label>
      </div>
      {content.rating !== null && <p className="muted">{scale.levels.find((l) => l.value === content.rating)?.anchor}</p>}
      <div className="note-actions">
        <button type="submit" className="primary">
          Save note (Ctrl+Enter)
        </button>
        <button type="button" onClick={onCancel}>
          Cancel (Esc)
        </button>
      </div>
    </form>
  );
}
