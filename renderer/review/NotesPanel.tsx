/**
 * Notes on the review, by the therapist or a supervisor: at the playhead, or about the selected marker
 * (its span), with an optional tag and an optional rating of the therapist's empathic responding on the
 * service's scale. Listed in time order; a note's time seeks the video; each can be edited or deleted;
 * the session's ratings are summarised (mean, spread). `a` opens a new note at the playhead.
 */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Marker } from '../../lib/analysis/types.ts';
import { NOTE_AUTHOR_ROLES, type Note, type NoteAuthorRole, type NoteContent, type ReviewSettings, type ScaleInfo } from '../../lib/ipc/supervision-channels.ts';
import { ratingSummary, type RatingScale } from '../../lib/ratings/scale.ts';
import { clockRange, formatClock, parseClock } from '../../lib/time/clock.ts';
import { errorMessage, useApi } from '../app/api-context.ts';
import { AUTHOR_WORDS } from './author-words.ts';

interface Props {
  sessionId: string;
  /** The session's notes (use-notes.ts), null while loading; `onChanged` reloads them after an edit. */
  notes: readonly Note[] | null;
  onChanged: () => void;
  playheadSec: number;
  selectedMarker: Marker | null;
  /** A new request (a higher count) opens a new note at the playhead: `a`, or a digit for a rating. */
  openRequest: NoteRequest;
  onSeek: (sec: number) => void;
}

export interface NoteRequest {
  count: number;
  /** The level a digit key asked for, or null (`a`). */
  rating: number | null;
}

/** Who is writing: from the settings at first, then as the last saved note said while the review is open. */
interface Author {
  role: NoteAuthorRole;
  name: string;
}

const when = (note: Pick<Note, 'startSec' | 'endSec'>) =>
  note.endSec > note.startSec ? clockRange(note.startSec, note.endSec) : formatClock(note.startSec, true);

export function NotesPanel({ sessionId, notes, onChanged: reload, playheadSec, selectedMarker, openRequest, onSeek }: Props) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const [author, setAuthor] = useState<Author | null>(null);
  const [settings, setSettings] = useState<ReviewSettings | null>(null);
  /** The note being written: a new one (null id) or an edit. */
  const [draft, setDraft] = useState<{ id: string | null; content: NoteContent } | null>(null);
  const [scale, setScale] = useState<ScaleInfo | null>(null);
  const [exported, setExported] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([api.notes.scale(), api.notes.settings()])
      .then(([sc, s]) => {
        setScale(sc);
        setSettings(s);
        setAuthor((a) => a ?? { role: s.writingAs, name: s.names[s.writingAs] });
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [api]);

  // A note being written is never replaced by a new one (its words would be lost); a level the scale lacks is refused.
  const startNew = useCallback(
    (rating: number | null = null) => {
      if (!author || !scale || draft !== null) return;
      if (rating !== null && !scale.scale.levels.some((level) => level.value === rating)) {
        setError(`The rating scale “${scale.scale.name}” has no level ${rating}.`);
        return;
      }
      setError(null);
      setDraft({
        id: null,
        content: { authorRole: author.role, authorName: author.name, startSec: playheadSec, endSec: playheadSec, markerId: null, text: '', tag: null, rating },
      });
    },
    [author, scale, draft, playheadSec],
  );

  // The `a` and digit keys: each press (a new request count) opens a new note.
  const seenRequest = useRef(openRequest.count);
  useEffect(() => {
    if (openRequest.count === seenRequest.current) return;
    seenRequest.current = openRequest.count;
    startNew(openRequest.rating);
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
            <button type="button" onClick={() => startNew()} aria-keyshortcuts="a">
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
      {draft?.id === null && scale && settings && (
        <NoteForm initial={draft.content} scale={scale.scale} settings={settings} selectedMarker={selectedMarker} playheadSec={playheadSec} onSave={(c) => void save(c, null)} onCancel={() => setDraft(null)} />
      )}
      {notes && notes.length === 0 && draft === null && (
        <p className="empty">No notes yet. Press a to write one at the playhead, or a number to rate your empathic responding there.</p>
      )}
      <ol className="notes">
        {(notes ?? []).map((note) =>
          draft?.id === note.id && scale && settings ? (
            <li key={note.id} className="note">
              <NoteForm initial={draft.content} scale={scale.scale} settings={settings} selectedMarker={selectedMarker} playheadSec={playheadSec} onSave={(c) => void save(c, note.id)} onCancel={() => setDraft(null)} />
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
  settings: ReviewSettings;
  selectedMarker: Marker | null;
  playheadSec: number;
  onSave: (content: NoteContent) => void;
  onCancel: () => void;
}

function NoteForm({ initial, scale, settings, selectedMarker, playheadSec, onSave, onCancel }: FormProps) {
  const ids = useId();
  const [content, setContent] = useState(initial);
  // The marker a note can be about: the one it is already on (an edit), else the selected one.
  const target =
    initial.markerId !== null
      ? { id: initial.markerId, startSec: initial.startSec, endSec: initial.endSec }
      : selectedMarker && { id: selectedMarker.id, startSec: selectedMarker.startSec, endSec: selectedMarker.endSec };
  const [onMarker, setOnMarker] = useState(initial.markerId !== null);
  const set = (patch: Partial<NoteContent>) => setContent((c) => ({ ...c, ...patch }));
  // Another role brings its name from the settings, unless a different name was typed for this note.
  const setRole = (role: NoteAuthorRole) =>
    setContent((c) => {
      const untouched = c.authorName.trim() === '' || c.authorName === settings.names[c.authorRole];
      return { ...c, authorRole: role, authorName: untouched ? settings.names[role] : c.authorName };
    });

  // A note not about a marker covers the typed stretch: a moment when both times are the same.
  const [times, setTimes] = useState({ from: formatClock(initial.startSec, true), to: formatClock(initial.endSec, true) });
  const [timeError, setTimeError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    let span: Pick<NoteContent, 'startSec' | 'endSec' | 'markerId'>;
    if (onMarker && target) {
      span = { startSec: target.startSec, endSec: target.endSec, markerId: target.id };
    } else {
      // An untouched field keeps its exact time (the field shows it to a tenth).
      const read = (typed: string, exact: number) => (typed === formatClock(exact, true) ? exact : parseClock(typed));
      const [startSec, endSec] = [read(times.from, initial.startSec), read(times.to, initial.endSec)];
      if (startSec === null || endSec === null) return setTimeError('Write times as minutes and seconds, for example 12:30 or 12:30.5.');
      if (endSec < startSec) return setTimeError('The note must end at or after its start.');
      span = { startSec, endSec, markerId: null };
    }
    onSave({ ...content, ...span, authorName: content.authorName.trim(), text: content.text.trim(), tag: content.tag?.trim() || null });
  };

  return (
    <form className="note-form" onSubmit={submit} aria-label="Write a note">
      {onMarker && target ? (
        <p className="note-when">{`About marker ${target.id} (${when(target)})`}</p>
      ) : (
        <div className="note-when note-fields">
          {(['from', 'to'] as const).map((end) => (
            <span key={end}>
              <label>
                {end === 'from' ? 'From' : 'To'}{' '}
                <input className="clock-input" size={9} value={times[end]} onChange={(e) => setTimes({ ...times, [end]: e.target.value })} />
              </label>{' '}
              <button type="button" onClick={() => setTimes({ ...times, [end]: formatClock(playheadSec, true) })}>
                {end === 'from' ? 'From' : 'To'} the playhead
              </button>
            </span>
          ))}
        </div>
      )}
      {timeError && (
        <p className="error" role="alert">
          {timeError}
        </p>
      )}
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
            {settings.tags.map((tag) => (
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
          <select value={content.authorRole} onChange={(e) => setRole(e.target.value as NoteAuthorRole)}>
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
