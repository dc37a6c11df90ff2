/**
 * The one IPC contract between Attune's main process, its preload and its renderer.
 *
 * - `channels`: every invoke channel, name → { parse (request validator), response type }.
 *   Main registers exactly these (parsing each payload from `unknown`), the preload exposes exactly these.
 * - `API`: how the channels appear on `window.attune` (namespace.method → channel). Every method takes the
 *   channel's request object (or nothing) and resolves to its response; on failure it rejects with an
 *   `Error` whose message is written for the clinician.
 * - `EventMap` / `API_EVENTS`: pushes from main to the renderer; every `on…` returns its unsubscribe.
 *
 * The renderer imports only types from here (`import type`), so no validator ships in its bundle.
 */
import type { Analysis, Role } from '../analysis/types.ts';
// Type-only: the progress shape is owned by the pipeline and must not drift from what it reports.
import type { PipelineProgress } from '../pipeline/progress.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../export/format-names.ts';
import {
  absolutePath,
  id,
  isoDate,
  nothing,
  object,
  oneOf,
  optional,
  setOf,
  text,
  type Parser,
} from './parse.ts';
import {
  noteParsers,
  noticeParsers,
  packageParsers,
  reviewSettingsParser,
  type Note,
  type NoticeHistoryEntry,
  type NoticeRun,
  type PackageCreated,
  type PackageImportReport,
  type ReceivedPackage,
  type ReviewSettings,
  type ScaleInfo,
} from './supervision-channels.ts';
import type { AuditLogView, BackupInfo, DeletionReceipt, RestoreReport, StoreStatus } from './store-channels.ts';
import { lockParsers, type LockState } from './lock-channels.ts';

export const CONSENT_PURPOSES = ['self-review', 'supervision', 'research'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const ROLES = ['client', 'therapist', 'unknown'] as const satisfies readonly Role[];

/**
 * Where a session is in its life. `awaiting-consent`: imported, nothing may be analysed yet.
 * `ready`: consent recorded, never analysed (or the last run was cancelled). `failed`: the last run failed
 * and no earlier analysis exists; `lastError` says why and the session can be re-run.
 */
export type SessionStatus = 'awaiting-consent' | 'ready' | 'queued' | 'analysing' | 'analysed' | 'failed';

/** The recording stays where the therapist keeps it; on open Attune checks it is still there and unchanged. */
export type SourceStatus = 'present' | 'moved' | 'changed';

export interface ConsentRecord {
  consentedBy: string;
  /** ISO 8601, when the client gave consent. */
  consentedAt: string;
  purposes: ConsentPurpose[];
  /** ISO 8601 date after which the session should be deleted. */
  retainUntil: string;
  /** ISO 8601, when the therapist recorded it in Attune. */
  recordedAt: string;
}

export interface SessionSummary {
  id: string;
  /** Base name of the recording, never a full path. */
  fileName: string;
  sizeBytes: number;
  durationSec: number;
  status: SessionStatus;
  /** ISO 8601. */
  createdAt: string;
  consent: ConsentRecord | null;
  markerCount: number;
  /** ISO 8601 of the analysis shown, null if none. */
  analysedAt: string | null;
  /** Why the last analysis run failed (or was started again), for the clinician; null if it did not. */
  lastError: string | null;
  /** True for a session received in a review package (SessionDetail.received says from where). */
  fromPackage: boolean;
}

/** A file that has been imported (hashed, probed) and now waits for consent. */
export interface PendingImport {
  sessionId: string;
  fileName: string;
  sizeBytes: number;
  durationSec: number;
  /** True when this exact recording (same sha256) was imported before; `sessionId` is that session. */
  alreadyImported: boolean;
}

export interface Person {
  id: string;
  role: Role;
  hasThumbnail: boolean;
  /** A voice heard with no face in view: it has no thumbnail to show. */
  offCamera: boolean;
}

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobView {
  jobId: string;
  sessionId: string;
  fileName: string;
  state: JobState;
  /** 1-based place in the queue while queued, else null. */
  queuePosition: number | null;
  /** Per-stage progress and ETA while running, else null. */
  progress: PipelineProgress | null;
  /** Clinician-facing reason when failed, else null. */
  error: string | null;
}

export interface SessionDetail extends SessionSummary {
  source: { status: SourceStatus; fileName: string; folder: string };
  /** The analysis document (tracks, markers, people with the roles assigned so far), null until analysed. */
  analysis: Analysis | null;
  /** What could not be analysed, in plain words ("No face was found…"); empty when everything was. */
  notes: string[];
  people: Person[];
  /** The queued or running job for this session, if any. */
  job: JobView | null;
  /** Set when the session came in a review package rather than from a recording imported here. */
  received: ReceivedPackage | null;
}

export interface DeletionReport {
  sessionId: string;
  fileName: string;
  /** Rows removed per table of the session store. */
  removed: { sessions: number; consentRecords: number; people: number; analyses: number; markers: number; notes: number; noticeRuns: number };
  /** A queued or running analysis of this session was cancelled first. */
  jobCancelled: boolean;
  /** The store was vacuumed with secure_delete on, so no page of the session lingers in the file. */
  vacuumed: boolean;
  /** The recording itself is the therapist's file and is never touched: where it still is. */
  recordingKeptAt: string;
  /** How many of the copies Attune keeps (backups, a library kept aside before a restore) the session was removed from. */
  copiesCleared: number;
}

export interface MediaUrl {
  /** An `attune-media://` URL the <video> element can stream and seek. */
  url: string;
  sourceStatus: SourceStatus;
  /** The clips a session received in a review package, each with its URL; empty for a session imported here. */
  clips: { markerId: string; url: string }[];
}

export interface AppInfo {
  version: string;
  /** False until the model files are present and verified; analysis cannot start without them. */
  modelsReady: boolean;
}

/** Declares a channel: its request parser, and (as a type only) its response. */
interface Channel<Req, Res> {
  parse(payload: unknown): Req;
  /** Never set at runtime: carries the response type. */
  readonly response?: Res;
}

function channel<Res>(): <Req>(parser: Parser<Req>) => Channel<Req, Res> {
  return (parser) => ({ parse: (payload) => parser(payload, 'payload') });
}

const sessionRef = object<{ sessionId: string }>({ sessionId: id });

/** A consent record's fields as the therapist gives them; recordedAt is set by main. */
const consentFields = {
  consentedBy: text(200),
  consentedAt: isoDate,
  purposes: setOf(oneOf(CONSENT_PURPOSES), CONSENT_PURPOSES.length),
  retainUntil: isoDate,
};

/** A consent record as kept (a review package carries one; it is checked with this on the way in). */
export const consentRecordParser = object<ConsentRecord>({ ...consentFields, recordedAt: isoDate });

export const channels = {
  'app:info': channel<AppInfo>()(nothing),
  'library:list': channel<SessionSummary[]>()(nothing),
  /** Without `filePath`, main shows its own file picker; null when the therapist cancels it. */
  'sessions:import': channel<PendingImport | null>()(
    optional(object<{ filePath?: string }>({ filePath: optional(absolutePath) })),
  ),
  'sessions:recordConsent': channel<SessionSummary>()(
    object<{ sessionId: string } & Omit<ConsentRecord, 'recordedAt'>>({ sessionId: id, ...consentFields }),
  ),
  'sessions:get': channel<SessionDetail>()(sessionRef),
  /** Points a session whose recording moved at its new place (picker unless `filePath`); the sha256 must match. */
  'sessions:relocate': channel<SessionSummary | null>()(
    object<{ sessionId: string; filePath?: string }>({ sessionId: id, filePath: optional(absolutePath) }),
  ),
  'sessions:startAnalysis': channel<JobView>()(sessionRef),
  /**
   * Writes one of the session's exports (the formats of `attune export`) as the review shows it, with its
   * notes, ratings and latest notice-first run, where the save dialog says (or `filePath`); null when cancelled.
   */
  'sessions:export': channel<{ path: string } | null>()(
    object<{ sessionId: string; format: ExportFormat; filePath?: string }>({ sessionId: id, format: oneOf(EXPORT_FORMATS), filePath: optional(absolutePath) }),
  ),
  'sessions:delete': channel<DeletionReport>()(sessionRef),
  /** The client withdrew consent: the session and everything derived from it are deleted at once, with a receipt. */
  'sessions:withdrawConsent': channel<DeletionReport>()(sessionRef),
  /** Every deletion's receipt, newest first (no client data). */
  'store:deletionReceipts': channel<DeletionReceipt[]>()(nothing),
  /** The audit log, oldest first, and where its hash chain breaks (null when it holds). */
  'store:auditLog': channel<AuditLogView>()(nothing),
  /** Writes the audit log as CSV where the save dialog says (or `filePath`); null when cancelled. */
  'store:exportAuditLog': channel<{ path: string; count: number } | null>()(optional(object<{ filePath?: string }>({ filePath: optional(absolutePath) }))),
  'jobs:list': channel<JobView[]>()(nothing),
  'jobs:cancel': channel<{ cancelled: boolean }>()(object<{ jobId: string }>({ jobId: id })),
  'people:assignRole': channel<Person[]>()(
    object<{ sessionId: string; personId: string; role: Role }>({ sessionId: id, personId: id, role: oneOf(ROLES) }),
  ),
  /** A small JPEG of the person as a `data:image/jpeg;base64,` URL, null if none could be taken. */
  'people:thumbnail': channel<string | null>()(
    object<{ sessionId: string; personId: string }>({ sessionId: id, personId: id }),
  ),
  'media:url': channel<MediaUrl>()(sessionRef),
  /** In time order. */
  'notes:list': channel<Note[]>()(noteParsers.list),
  /** endSec before startSec, or a marker the session does not have, is refused. */
  'notes:add': channel<Note>()(noteParsers.add),
  'notes:update': channel<Note>()(noteParsers.update),
  'notes:delete': channel<{ deleted: boolean }>()(noteParsers.remove),
  'notes:scale': channel<ScaleInfo>()(nothing),
  /** Who writes notes by default, the names for each role, the tags offered. */
  'notes:settings': channel<ReviewSettings>()(nothing),
  /** Names are trimmed and tags de-duplicated (ignoring case) before they are kept; returns what was kept. */
  'notes:saveSettings': channel<ReviewSettings>()(reviewSettingsParser),
  /** Writes the session's notes file (lib/export/notes-file.ts); null when the save dialog was cancelled. Needs consent for supervision or research. */
  'notes:export': channel<{ path: string; count: number } | null>()(noteParsers.export),
  /** Compares the presses with the session's markers as shown now (the client's once roles are named) and keeps the run. */
  'notice:save': channel<NoticeRun>()(noticeParsers.save),
  'notice:latest': channel<NoticeRun | null>()(noticeParsers.latest),
  /** Each session's latest run, oldest first. */
  'notice:history': channel<NoticeHistoryEntry[]>()(nothing),
  /**
   * Seals the session for a supervisor (docs/review-package.md): the analysis as the review shows it, the
   * notes and ratings, the consent record. Needs consent that covers supervision; null when cancelled.
   */
  /** Seals the session (with clips when asked) where the save dialog says; null when cancelled. */
  'package:create': channel<PackageCreated | null>()(packageParsers.create),
  /** Opens a package of a session in this library and merges its notes (a backup is made first); null when cancelled. */
  'package:import': channel<PackageImportReport | null>()(packageParsers.import),
  /** The idle lock (lock-channels.ts): while locked, main answers only OPEN_WHILE_LOCKED. */
  'lock:state': channel<LockState>()(nothing),
  'lock:now': channel<LockState>()(nothing),
  /** Refused with words when the passphrase is not the lock passphrase. */
  'lock:unlock': channel<LockState>()(lockParsers.unlock),
  'lock:configure': channel<LockState>()(lockParsers.configure),
  'store:status': channel<StoreStatus>()(nothing),
  /** Newest first. */
  'store:backups': channel<BackupInfo[]>()(nothing),
  /** Refused while an analysis is queued or running. */
  'store:restore': channel<RestoreReport>()(object<{ backupId: string }>({ backupId: id })),
  /** Only after damage, and only on the clinician's word: a new, empty library. */
  'store:startEmpty': channel<StoreStatus>()(nothing),
} as const;

export type ChannelName = keyof typeof channels;
export type RequestOf<C extends ChannelName> = ReturnType<(typeof channels)[C]['parse']>;
export type ResponseOf<C extends ChannelName> = (typeof channels)[C] extends Channel<unknown, infer Res> ? Res : never;

/** Pushes from main to the renderer. */
export interface EventMap {
  'jobs:progress': JobView;
  'lock:changed': LockState;
}
export type EventName = keyof EventMap;
export type EventOf<E extends EventName> = EventMap[E];

/** How each channel appears on `window.attune`. */
export const API = {
  app: { info: 'app:info' },
  library: { list: 'library:list' },
  sessions: {
    import: 'sessions:import',
    recordConsent: 'sessions:recordConsent',
    get: 'sessions:get',
    relocate: 'sessions:relocate',
    startAnalysis: 'sessions:startAnalysis',
    export: 'sessions:export',
    delete: 'sessions:delete',
    withdrawConsent: 'sessions:withdrawConsent',
  },
  jobs: { list: 'jobs:list', cancel: 'jobs:cancel' },
  people: { assignRole: 'people:assignRole', thumbnail: 'people:thumbnail' },
  media: { url: 'media:url' },
  notes: {
    list: 'notes:list',
    add: 'notes:add',
    update: 'notes:update',
    delete: 'notes:delete',
    scale: 'notes:scale',
    export: 'notes:export',
    settings: 'notes:settings',
    saveSettings: 'notes:saveSettings',
  },
  notice: { save: 'notice:save', latest: 'notice:latest', history: 'notice:history' },
  package: { create: 'package:create', import: 'package:import' },
  lock: { state: 'lock:state', now: 'lock:now', unlock: 'lock:unlock', configure: 'lock:configure' },
  store: {
    status: 'store:status',
    backups: 'store:backups',
    restore: 'store:restore',
    startEmpty: 'store:startEmpty',
    deletionReceipts: 'store:deletionReceipts',
    auditLog: 'store:auditLog',
    exportAuditLog: 'store:exportAuditLog',
  },
} as const satisfies Record<string, Record<string, ChannelName>>;

/** How each event appears on `window.attune` (namespace.method → event). */
export const API_EVENTS = {
  jobs: { onProgress: 'jobs:progress' },
  lock: { onChange: 'lock:changed' },
} as const satisfies Record<string, Record<string, EventName>>;

/** Every event, for the hosts that forward them to the renderer (main.ts, the test harness). */
export const EVENT_NAMES: readonly EventName[] = Object.values(API_EVENTS).flatMap((methods) => Object.values(methods));

type Invoker<C extends ChannelName> = undefined extends RequestOf<C>
  ? RequestOf<C> extends undefined
    ? () => Promise<ResponseOf<C>>
    : (request?: RequestOf<C>) => Promise<ResponseOf<C>>
  : (request: RequestOf<C>) => Promise<ResponseOf<C>>;

type Subscriber<E extends EventName> = (listener: (event: EventOf<E>) => void) => () => void;

/** `window.attune`, exactly what the preload exposes. */
export type AttuneApi = {
  [NS in keyof typeof API]: { [M in keyof (typeof API)[NS]]: InvokerFor<(typeof API)[NS][M]> };
} & {
  [NS in keyof typeof API_EVENTS]: { [M in keyof (typeof API_EVENTS)[NS]]: SubscriberFor<(typeof API_EVENTS)[NS][M]> };
};
type InvokerFor<T> = T extends ChannelName ? Invoker<T> : never;
type SubscriberFor<T> = T extends EventName ? Subscriber<T> : never;

/** What a handler's result looks like on the wire; the preload turns `ok: false` into a rejected `Error`. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: { code: IpcErrorCode; message: string } };
export type IpcErrorCode = 'invalid-request' | 'forbidden' | 'not-found' | 'conflict' | 'failed';

declare global {
  interface Window {
    attune: AttuneApi;
  }
}
