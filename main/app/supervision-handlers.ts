/** The supervision channels: notes on the review, and "notice first" runs. */
import type { ChannelName, RequestOf, ResponseOf } from '../../lib/ipc/contract.ts';
import { DEFAULT_REVIEW_SETTINGS, reviewSettingsParser, type NoteContent, type ReviewSettings } from '../../lib/ipc/supervision-channels.ts';
import { compareNoticing } from '../../lib/notice/compare.ts';
import type { ProfileStore } from '../store/profile-store.ts';
import type { SessionRow } from '../store/session-records.ts';
import { basename, extname } from 'node:path';
import { notesFile } from '../../lib/export/notes-file.ts';
import { AppError, notFound } from './app-error.ts';
import type { ScaleChoice } from './rating-scale-file.ts';
import { saveExport, type PickSavePath } from './save-export.ts';

type SupervisionChannel = Extract<ChannelName, `notes:${string}` | `notice:${string}`>;
type SupervisionHandlers = { [C in SupervisionChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

export interface SupervisionDeps {
  store: ProfileStore;
  sessionOrThrow: (id: string) => SessionRow;
  ratingScale: ScaleChoice;
  /** The main process's save dialog; absent where there is none (tests). */
  pickSavePath: PickSavePath | undefined;
}

const SETTINGS_KEY = 'review';

/** Names trimmed; tags trimmed, the first of any that differ only in case kept, in the order given. */
function tidySettings(settings: ReviewSettings): ReviewSettings {
  const seen = new Set<string>();
  const tags = settings.tags.map((tag) => tag.trim()).filter((tag) => {
    const key = tag.toLocaleLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { writingAs: settings.writingAs, names: { therapist: settings.names.therapist.trim(), supervisor: settings.names.supervisor.trim() }, tags };
}

/** Consent purposes under which notes may leave Attune in a file. */
const SHARING_PURPOSES = ['supervision', 'research'] as const;

export function supervisionHandlers({ store, sessionOrThrow, ratingScale: scale, pickSavePath }: SupervisionDeps): SupervisionHandlers {
  /** A note's times are in order and inside the recording; its marker, if any, is one of the session's. */
  function checkNote(sessionId: string, note: NoteContent): void {
    const { durationSec } = sessionOrThrow(sessionId);
    if (note.endSec < note.startSec) throw new AppError('invalid-request', 'A note must end after it starts.');
    if (note.startSec > durationSec + 1) throw new AppError('invalid-request', 'A note must be within the recording.');
    if (note.markerId !== null && !store.analyses.hasShownMarker(sessionId, note.markerId)) {
      throw new AppError('invalid-request', 'That marker is not in this session’s analysis.');
    }
    if (note.text.trim() === '' && note.rating === null) throw new AppError('invalid-request', 'A note needs some words or a rating.');
    if (note.rating !== null && !scale.scale.levels.some((level) => level.value === note.rating)) {
      throw new AppError('invalid-request', `${note.rating} is not a level of the rating scale “${scale.scale.name}”.`);
    }
  }

  /** The scale a rating is on: the one in use now. */
  const scaleOf = (note: NoteContent): string | null => (note.rating === null ? null : scale.scale.name);

  return {
    'notes:list': async ({ sessionId }) => {
      sessionOrThrow(sessionId);
      return store.notes.list(sessionId);
    },

    'notes:add': async ({ sessionId, ...content }) => {
      checkNote(sessionId, content);
      return store.notes.add(sessionId, content, scaleOf(content));
    },

    'notes:update': async ({ noteId, ...content }) => {
      const note = store.notes.get(noteId);
      if (!note) throw notFound('The note');
      checkNote(note.sessionId, content);
      return store.notes.update(noteId, content, scaleOf(content))!;
    },

    'notes:delete': async ({ noteId }) => ({ deleted: store.notes.remove(noteId) }),

    'notes:scale': async () => scale,

    'notes:settings': async () => store.settings.get(SETTINGS_KEY, reviewSettingsParser, DEFAULT_REVIEW_SETTINGS),

    'notes:saveSettings': async (settings) => {
      const kept = tidySettings(settings);
      store.settings.set(SETTINGS_KEY, kept);
      return kept;
    },

    'notes:export': async ({ sessionId, filePath }) => {
      const row = sessionOrThrow(sessionId);
      const consent = store.sessions.latestConsent(sessionId);
      if (!consent?.purposes.some((p) => (SHARING_PURPOSES as readonly string[]).includes(p))) {
        throw new AppError('conflict', 'The client’s consent for this session covers self-review only, so its notes cannot be exported. Record a new consent that covers supervision or research first.');
      }
      const notes = store.notes.list(sessionId);
      const path = await saveExport(
        { filePath, pickSavePath, suggestedName: `${basename(row.fileName, extname(row.fileName))}.notes.json` },
        () => [`${JSON.stringify(notesFile(row.sha256, notes, store.notice.latest(sessionId)), null, 2)}\n`],
        'The notes',
      );
      return path === null ? null : { path, count: notes.length };
    },

    'notice:save': async ({ sessionId, presses }) => {
      const { durationSec } = sessionOrThrow(sessionId);
      // Compared here with the markers as the library shows them, so the figure is the store's, not the screen's.
      const analysis = store.analyses.load(sessionId);
      if (!analysis) throw new AppError('conflict', 'This session has not been analysed yet, so there is nothing to compare with.');
      const inside = [...presses].filter((p) => p.tSec <= durationSec + 1).sort((a, b) => a.tSec - b.tSec);
      return store.notice.save(sessionId, inside, analysis.markers.length, compareNoticing(inside, analysis.markers));
    },

    'notice:latest': async ({ sessionId }) => {
      sessionOrThrow(sessionId);
      return store.notice.latest(sessionId);
    },

    'notice:history': async () => store.notice.history(),
  };
}
