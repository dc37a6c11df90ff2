/**
 * Supervision's part of the IPC contract (contract.ts declares the channels with these parsers):
 * - notes on a session's review: a therapist's or a supervisor's words at a moment or over a stretch of
 *   the recording, or on a marker, with an optional tag and an optional rating of the therapist's
 *   empathic responding on the service's scale (lib/ratings/scale.ts);
 * - notice first: the moments the therapist marked while watching before Attune's markers were shown,
 *   compared with them (lib/notice/compare.ts).
 */
import { CLIPS_MAX } from '../clips/clip-windows.ts';
import type { NoticeComparison, Press } from '../notice/compare.ts';
import type { RatingScale } from '../ratings/scale.ts';
import { absolutePath, boolean, id, integer, setOf, listOf, maybeEmptyText, nullable, object, oneOf, optional, seconds, text, type Parser } from './parse.ts';

export const NOTE_AUTHOR_ROLES = ['therapist', 'supervisor'] as const;
export type NoteAuthorRole = (typeof NOTE_AUTHOR_ROLES)[number];

/** The tags offered until the service edits its list (ReviewSettings.tags); any other short word may be typed. */
export const DEFAULT_NOTE_TAGS = ['rupture', 'repair', 'missed cue', 'good attunement'] as const;

export const NOTE_TEXT_MAX = 4000;
export const NOTE_TAG_MAX = 40;
export const AUTHOR_NAME_MAX = 80;

export interface Note {
  id: string;
  sessionId: string;
  authorRole: NoteAuthorRole;
  authorName: string;
  /** Media seconds; endSec equals startSec for a note at a moment. */
  startSec: number;
  endSec: number;
  /** The marker the note is about, or null. */
  markerId: string | null;
  /** May be empty when the note is a rating alone. */
  text: string;
  tag: string | null;
  /** A level of the rating scale, or null. */
  rating: number | null;
  /** The scale `rating` is on (its name), set by main; null without a rating. */
  ratingScale: string | null;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
}

export type NoteContent = Pick<Note, 'authorRole' | 'authorName' | 'startSec' | 'endSec' | 'markerId' | 'text' | 'tag' | 'rating'>;

/** The scale ratings are made on, and why a service's own scale was not used (null if it was, or there is none). */
export interface ScaleInfo {
  scale: RatingScale;
  problem: string | null;
}

/** A note's fields as the app sends them; the notes file (lib/export/notes-file.ts) checks its notes with these too. */
export const noteContentFields = {
  authorRole: oneOf(NOTE_AUTHOR_ROLES),
  authorName: text(AUTHOR_NAME_MAX),
  startSec: seconds,
  endSec: seconds,
  markerId: nullable(id),
  text: maybeEmptyText(NOTE_TEXT_MAX),
  tag: nullable(text(NOTE_TAG_MAX)),
  rating: nullable(integer),
};

/** One run of "notice first" on a session, as kept: the presses and how they compared. */
export interface NoticeRun {
  id: string;
  sessionId: string;
  /** ISO 8601. */
  createdAt: string;
  presses: Press[];
  /** The markers compared with, as shown then (the client's once roles are named). */
  markerCount: number;
  comparison: NoticeComparison;
}

/** A session's latest run, for the therapist's history over sessions. */
export interface NoticeHistoryEntry {
  sessionId: string;
  fileName: string;
  createdAt: string;
  presses: number;
  markers: number;
  both: number;
  agreement: number | null;
}

/**
 * How notes are written on this machine, kept in the encrypted library: who writes by default (a
 * supervisor's own Attune says "supervisor"), the names that go with each role, and the tags offered.
 */
export interface ReviewSettings {
  writingAs: NoteAuthorRole;
  /** Empty until set; a note still needs a name, typed in the note when this is empty. */
  names: Record<NoteAuthorRole, string>;
  tags: string[];
}

export const NOTE_TAGS_MAX = 30;

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = {
  writingAs: 'therapist',
  names: { therapist: '', supervisor: '' },
  tags: [...DEFAULT_NOTE_TAGS],
};

export const reviewSettingsParser = object<ReviewSettings>({
  writingAs: oneOf(NOTE_AUTHOR_ROLES),
  names: object<Record<NoteAuthorRole, string>>({ therapist: maybeEmptyText(AUTHOR_NAME_MAX), supervisor: maybeEmptyText(AUTHOR_NAME_MAX) }),
  tags: listOf(text(NOTE_TAG_MAX), NOTE_TAGS_MAX),
});

/** A review package's passphrase: long enough to take guessing out of reach with scrypt's cost per guess. */
export const PASSPHRASE_MIN = 10;

/** Why a passphrase cannot seal a review package, in one sentence (the app and the CLI say the same); null when it can. */
export function packagePassphraseProblem(passphrase: string): string | null {
  return [...passphrase].length < PASSPHRASE_MIN
    ? `The passphrase must be at least ${PASSPHRASE_MIN} characters; a few words are easier to pass on than a short password.`
    : null;
}
const PASSPHRASE_MAX = 1000;

/** What importing a review package did to the session's notes (lib/notes/merge-notes.ts). */
export interface PackageImportReport {
  sessionId: string;
  fileName: string;
  /** Who made the package (the Attune version) and when, from its list of contents. */
  createdAt: string;
  added: number;
  updated: number;
  keptHere: number;
  unchanged: number;
  /** True when the package's session was not in the library and was added to it, without its recording. */
  received: boolean;
}

export interface PackageCreateRequest {
  sessionId: string;
  passphrase: string;
  filePath?: string;
  clipMarkerIds?: string[];
  deidentify?: boolean;
}

/** A clip a session received in a review package holds (played from `clipUrlFor`, lib/ipc/origins.ts). */
export interface ReceivedClip {
  markerId: string;
  startSec: number;
  endSec: number;
  deidentified: boolean;
}

/** A session that came in a review package, without its recording (a supervisor's library). */
export interface ReceivedPackage {
  /** When the package was made, and by which Attune. */
  packageCreatedAt: string;
  createdBy: string;
  receivedAt: string;
  clips: ReceivedClip[];
}

export interface PackageCreated {
  path: string;
  /** How many clips went in, and whether they (and the names) were de-identified. */
  clips: number;
  deidentified: boolean;
}

export const packageParsers = {
  /**
   * Without `filePath`, main asks where to save with its own dialog. `clipMarkerIds`: a short clip around
   * each of these markers (lib/clips/clip-windows.ts); `deidentify`: clips drawn from the landmarks with the
   * voice pitch-shifted, and names and the file name left out (docs/review-package.md).
   */
  create: object<PackageCreateRequest>({
    sessionId: id,
    passphrase: text(PASSPHRASE_MAX),
    filePath: optional(absolutePath),
    clipMarkerIds: optional(setOf(id, CLIPS_MAX)),
    deidentify: optional(boolean),
  }),
  /** Without `filePath`, main asks which package with its own dialog. */
  import: object<{ passphrase: string; filePath?: string }>({ passphrase: text(PASSPHRASE_MAX), filePath: optional(absolutePath) }),
} satisfies Record<string, Parser<unknown>>;

export const PRESS_WORD_MAX = 40;
/** More presses than this in one session is a stuck key, not noticing. */
export const PRESSES_MAX = 1000;

export const pressParser = object<Press>({ tSec: seconds, word: nullable(text(PRESS_WORD_MAX)) });

export const noteParsers = {
  list: object<{ sessionId: string }>({ sessionId: id }),
  add: object<{ sessionId: string } & NoteContent>({ sessionId: id, ...noteContentFields }),
  update: object<{ noteId: string } & NoteContent>({ noteId: id, ...noteContentFields }),
  remove: object<{ noteId: string }>({ noteId: id }),
  /** Without `filePath`, main asks where to save with its own dialog. */
  export: object<{ sessionId: string; filePath?: string }>({ sessionId: id, filePath: optional(absolutePath) }),
} satisfies Record<string, Parser<unknown>>;

export const noticeParsers = {
  save: object<{ sessionId: string; presses: Press[] }>({ sessionId: id, presses: listOf(pressParser, PRESSES_MAX) }),
  latest: object<{ sessionId: string }>({ sessionId: id }),
} satisfies Record<string, Parser<unknown>>;
