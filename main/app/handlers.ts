/**
 * What each IPC channel does: plain functions over the session store and the job queue, with no Electron
 * in sight, so the same handlers serve the app, the renderer's browser harness and the tests.
 */
import type { VisionEngine } from '../pipeline/types.ts';
import { basename, dirname } from 'node:path';
import type { ChannelName, RequestOf, ResponseOf, SessionDetail } from '../../lib/ipc/contract.ts';
import { clipUrlFor, mediaUrlFor } from '../../lib/ipc/origins.ts';
import type { ProfileStore } from '../store/profile-store.ts';
import type { SessionRow } from '../store/session-records.ts';
import { AppError, notFound } from './app-error.ts';
import type { JobQueue } from './job-queue.ts';
import type { ScaleChoice } from './rating-scale-file.ts';
import type { PickSavePath } from './save-export.ts';
import { deleteSessionNow } from './session-deletion.ts';
import { supervisionHandlers } from './supervision-handlers.ts';
import { storeHandlers } from './store-handlers.ts';
import { exportHandlers } from './export-handlers.ts';
import { packageHandlers } from './package-handlers.ts';
import { chosenPath } from './chosen-path.ts';
import { lockHandlers } from './lock-handlers.ts';
import type { AppLock } from './app-lock.ts';
import type { PdfPrinter } from '../export/export-analysis.ts';
import { checkSource, inspectRecording, type MediaProbe, type SourceCheck } from './recording-file.ts';

export type Handlers = { [C in ChannelName]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

export type ThumbnailExtractor = (
  videoPath: string,
  t: number,
  box: { x: number; y: number; w: number; h: number },
  options: { maxSide: number },
) => Promise<Buffer>;

export interface HandlerDeps {
  store: ProfileStore;
  queue: JobQueue;
  version: string;
  modelsReady(): Promise<boolean>;
  probe: MediaProbe;
  /** The main process's own file dialog; null when cancelled. Absent where there is no dialog (tests, harness). */
  pickRecording: ((purpose: 'import' | 'relocate') => Promise<string | null>) | undefined;
  extractThumbnail: ThumbnailExtractor;
  /** The main process's save dialog for exports; absent where there is none. */
  pickSavePath: PickSavePath | undefined;
  /** The clock (a test can set the date, for retention). */
  now: () => Date;
  /** The scale ratings are made on (rating-scale-file.ts). */
  ratingScale: ScaleChoice;
  /** The idle lock. */
  lock: AppLock;
  /** The main process's open dialog for a review package; absent where there is none. */
  pickPackage: (() => Promise<string | null>) | undefined;
  /** Prints the report to PDF (in the app, Electron's own print engine). */
  printPdf: PdfPrinter;
  /** A vision engine whose faces carry their landmarks (de-identified clips). */
  startLandmarkEngine: () => Promise<VisionEngine>;
}

const THUMBNAIL_MAX_SIDE = 160;

const throwNotFound = (what: string): never => {
  throw notFound(what);
};

export function createHandlers(deps: HandlerDeps): Handlers {
  const { store, queue } = deps;

  function sessionOrThrow(id: string): SessionRow {
    const row = store.sessions.get(id);
    if (!row) throw notFound('The session');
    return row;
  }

  /** Checks the recording and remembers a harmless mtime change, so the next check is one lstat again. */
  async function checkedSource(row: SessionRow): Promise<SourceCheck> {
    const check = await checkSource(row);
    if (check.refreshedMtimeMs !== null) store.sessions.updateSource(row.id, { ...row, mtimeMs: check.refreshedMtimeMs });
    return check;
  }

  const pickRecording = (purpose: 'import' | 'relocate') => deps.pickRecording && (() => deps.pickRecording!(purpose));

  return {
    'app:info': async () => ({ version: deps.version, modelsReady: await deps.modelsReady() }),

    'library:list': async () => store.sessions.list(),

    'sessions:import': async (request) => {
      const path = await chosenPath(request?.filePath, pickRecording('import'));
      if (path === null) return null;
      const recording = await inspectRecording(path, deps.probe);
      const existing = store.sessions.findBySha256(recording.sha256);
      const row = existing ?? store.sessions.create(recording);
      return {
        sessionId: row.id,
        fileName: row.fileName,
        sizeBytes: row.sizeBytes,
        durationSec: row.durationSec,
        alreadyImported: existing !== null,
      };
    },

    'sessions:recordConsent': async ({ sessionId, ...consent }) => {
      sessionOrThrow(sessionId);
      if (Date.parse(consent.retainUntil) < Date.parse(consent.consentedAt)) {
        throw new AppError('invalid-request', 'The retention date must not be before the date consent was given.');
      }
      store.sessions.recordConsent(sessionId, consent);
      return store.sessions.summary(sessionId)!;
    },

    'sessions:get': async ({ sessionId }) => {
      const row = sessionOrThrow(sessionId);
      const source = await checkedSource(row);
      const detail: SessionDetail = {
        ...store.sessions.summary(sessionId)!,
        // A session received in a package has no recording here until one is linked (relocate).
        source: row.filePath ? { status: source.status, fileName: basename(row.filePath), folder: dirname(row.filePath) } : { status: source.status, fileName: row.fileName, folder: '' },
        analysis: store.analyses.load(sessionId),
        notes: store.analyses.notes(sessionId),
        people: store.analyses.people(sessionId),
        job: queue.activeFor(sessionId),
        received: store.received.of(sessionId),
      };
      return detail;
    },

    'sessions:relocate': async ({ sessionId, filePath }) => {
      const row = sessionOrThrow(sessionId);
      const path = await chosenPath(filePath, pickRecording('relocate'));
      if (path === null) return null;
      const recording = await inspectRecording(path, deps.probe);
      if (recording.sha256 !== row.sha256) {
        throw new AppError(
          'conflict',
          `"${recording.fileName}" is not the recording this session was made from (its contents differ), so it was not linked.`,
        );
      }
      store.sessions.updateSource(sessionId, recording);
      return store.sessions.summary(sessionId)!;
    },

    'sessions:startAnalysis': async ({ sessionId }) => {
      const row = sessionOrThrow(sessionId);
      if (!store.sessions.latestConsent(sessionId)) {
        throw new AppError('conflict', "Record the client's consent before analysing this session.");
      }
      if (!row.filePath) {
        throw new AppError('conflict', `"${row.fileName}" came in a review package without its recording. Link the recording (Find the recording…) to analyse it here.`);
      }
      const source = await checkedSource(row);
      if (source.status !== 'present') {
        throw new AppError(
          'conflict',
          source.status === 'moved'
            ? `The recording "${row.fileName}" is no longer where it was imported from. Locate it, then start the analysis again.`
            : `The recording "${row.fileName}" has changed since it was imported, so it cannot be analysed as this session.`,
        );
      }
      const active = queue.activeFor(sessionId);
      if (active) return active;
      store.sessions.setStatus(sessionId, 'queued');
      return queue.enqueue(sessionId, row.fileName);
    },

    'sessions:delete': async ({ sessionId }) => deleteSessionNow(store, queue, sessionId, 'user', deps.now()) ?? throwNotFound('The session'),

    'sessions:withdrawConsent': async ({ sessionId }) =>
      deleteSessionNow(store, queue, sessionId, 'withdrawn', deps.now()) ?? throwNotFound('The session'),

    'jobs:list': async () => queue.list(),

    'jobs:cancel': async ({ jobId }) => ({ cancelled: queue.cancel(jobId) }),

    'people:assignRole': async ({ sessionId, personId, role }) => {
      sessionOrThrow(sessionId);
      if (!store.analyses.assignRole(sessionId, personId, role)) throw notFound('That person');
      return store.analyses.people(sessionId);
    },

    'people:thumbnail': async ({ sessionId, personId }) => {
      const row = sessionOrThrow(sessionId);
      let jpeg = store.analyses.thumbnail(sessionId, personId);
      if (!jpeg) {
        const snapshot = store.analyses.snapshot(sessionId, personId);
        if (!snapshot || (await checkedSource(row)).status !== 'present') return null;
        // A thumbnail is a convenience: a recording ffmpeg cannot cut from leaves the person without one.
        jpeg = await deps
          .extractThumbnail(row.filePath, snapshot.t, snapshot.box, { maxSide: THUMBNAIL_MAX_SIDE })
          .catch(() => null);
        if (!jpeg) return null;
        store.analyses.saveThumbnail(sessionId, personId, jpeg);
      }
      return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
    },

    'media:url': async ({ sessionId }) => {
      const row = sessionOrThrow(sessionId);
      const clips = (store.received.of(sessionId)?.clips ?? []).map((clip) => ({ markerId: clip.markerId, url: clipUrlFor(sessionId, clip.markerId) }));
      return { url: mediaUrlFor(sessionId), sourceStatus: (await checkedSource(row)).status, clips };
    },

    ...storeHandlers({ store, queue, pickSavePath: deps.pickSavePath }),
    ...supervisionHandlers({ store, sessionOrThrow, ratingScale: deps.ratingScale, pickSavePath: deps.pickSavePath }),
    ...exportHandlers({ store, sessionOrThrow, pickSavePath: deps.pickSavePath, printPdf: deps.printPdf }),
    ...packageHandlers({ store, sessionOrThrow, pickSavePath: deps.pickSavePath, pickPackage: deps.pickPackage, checkedSource, startLandmarkEngine: deps.startLandmarkEngine }),
    ...lockHandlers(deps.lock),
  };
}
