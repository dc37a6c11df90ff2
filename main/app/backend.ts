/**
 * The app's back end without Electron: the session store, the analysis queue and the handler behind every
 * IPC channel. Electron's main process wraps it in ipcMain handlers; the renderer's headless-Chromium
 * harness and the tests call it directly — through `invoke`, which parses payloads exactly as the IPC
 * edge does.
 */
import { mkdirSync } from 'node:fs';
import type { ChannelName, EventName, EventOf, IpcResult, JobView } from '../../lib/ipc/contract.ts';
import { channels } from '../../lib/ipc/contract.ts';
import { IpcValidationError } from '../../lib/ipc/parse.ts';
import type { Analysis } from '../../lib/analysis/types.ts';
import { verifiedModel } from '../../models/manifest.ts';
import { extractThumbnail } from '../media/thumbnail.ts';
import { probeMedia } from '../media/probe.ts';
import type { AnalyzeOptions, VisionEngineFactory } from '../pipeline/types.ts';
import { APP_VERSION } from '../pipeline/version.ts';
import type { PersonSnapshot } from '../store/analysis-records.ts';
import { ProfileStore } from '../store/profile-store.ts';
import { AppError } from './app-error.ts';
import { loadRatingScale } from './rating-scale-file.ts';
import type { PickSavePath } from './save-export.ts';
import { deleteExpiredSessions } from './session-deletion.ts';
import { ACTOR, auditedCall, type AuditedCall } from './audit.ts';
import { describeFailure, describeRequestFailure } from './failure-message.ts';
import { createHandlers, type Handlers, type ThumbnailExtractor } from './handlers.ts';
import { JobQueue, type RunJob } from './job-queue.ts';
import { AppLock } from './app-lock.ts';
import { OPEN_WHILE_LOCKED, type LockState } from '../../lib/ipc/lock-channels.ts';
import type { MediaProbe } from './recording-file.ts';
import { printWithChromium, type PdfPrinter } from '../export/export-analysis.ts';
import { startChromiumVision } from '../vision/headless/chromium-vision.ts';
import { verifiedVisionModels } from '../vision/vision-models.ts';

export type AnalyzeFn = (
  inputPath: string,
  options: AnalyzeOptions,
) => Promise<{ analysis: Analysis; snapshots: PersonSnapshot[] }>;

export interface AppBackendOptions {
  /** The user profile's folder; the session store is `sessions.db` inside it, its backups in `backups/`. */
  dataDir: string;
  /** 32 bytes; in the app it comes from safeStorage (see main/store/store-key.ts), tests supply their own. */
  dbKey: Buffer;
  modelsDir: string;
  analyze: AnalyzeFn;
  /** In the app, the hidden analysis window; by default the pipeline's headless Chromium. */
  visionEngine?: VisionEngineFactory;
  pickRecording?: (purpose: 'import' | 'relocate') => Promise<string | null>;
  /** The save dialog for exports (suggested file name → chosen path, null when cancelled). */
  pickSavePath?: PickSavePath;
  /** Seconds since the person last used the computer (Electron's powerMonitor); by default never idle. */
  idleSeconds?: () => number;
  /** How often the idle lock looks at the idle time. */
  lockCheckMs?: number;
  /** The open dialog for a review package (chosen path, null when cancelled). */
  pickPackage?: () => Promise<string | null>;
  /** Prints the report to PDF; by default headless Chromium, as the CLI does. */
  printPdf?: PdfPrinter;
  /** The clock; tests set it to check retention. */
  now?: () => Date;
  probe?: MediaProbe;
  extractThumbnail?: ThumbnailExtractor;
}

/** What the attune-media:// protocol may serve for a session: the recording as it was imported. */
export interface RecordingRef {
  filePath: string;
  sizeBytes: number;
  mtimeMs: number;
}

export interface AppBackend {
  handlers: Handlers;
  /** Parses `payload` from unknown and runs the channel's handler; errors come back as `{ ok: false }`. */
  invoke(channel: string, payload: unknown): Promise<IpcResult<unknown>>;
  subscribe<E extends EventName>(event: E, listener: (event: EventOf<E>) => void): () => void;
  recordingFor(sessionId: string): RecordingRef | null;
  /** A clip the session received in a review package, for the attune-media:// protocol; null while locked. */
  clipFor(sessionId: string, markerId: string): Buffer | null;
  /** Cancels the running analysis, waits for it to stop, and closes the store. */
  close(): Promise<void>;
}

const RETENTION_CHECK_MS = 60 * 60 * 1000;
const LOCK_CHECK_MS = 15_000;
const LOCKED: IpcResult<unknown> = { ok: false, error: { code: 'forbidden', message: 'Attune is locked. Unlock it to go on.' } };

const INTERRUPTED = 'Attune closed before this analysis finished. Nothing from that run was saved; you can run it again.';
const RESTARTED = 'Attune closed before this analysis finished, so it started again when Attune reopened, from where it had got to.';

export function createAppBackend(options: AppBackendOptions): AppBackend {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  // A damaged store does not stop the start: the backend comes up in the "damaged" state (see store:status).
  const store = ProfileStore.open(options.dataDir, options.dbKey);
  let interrupted: string[] = [];
  if (store.status().state === 'open') {
    interrupted = store.sessions.settleInterruptedRuns(INTERRUPTED);
    // After settling, so a backup never holds a run that looks as if it were still going.
    store.backUp();
  }

  const runAnalysis: RunJob = async ({ sessionId }, { signal, onProgress }) => {
    const row = store.sessions.get(sessionId);
    if (!row) throw new AppError('not-found', 'The session was deleted before its analysis started.');
    store.sessions.setStatus(sessionId, 'analysing');
    // Progress is saved in the encrypted store as the analysis goes, and what an earlier run of the same
    // recording with the same settings saved (a crash, a quit, a cancel) is used: the results are the same.
    const checkpoints = store.checkpoints.of(sessionId);
    try {
      const result = await options.analyze(row.filePath, {
        modelsDir: options.modelsDir,
        signal,
        onProgress,
        checkpoints: { store: checkpoints, resume: true },
        ...(options.visionEngine ? { visionEngine: options.visionEngine } : {}),
      });
      signal.throwIfAborted();
      if (result.analysis.source.sha256 !== row.sha256) {
        throw new AppError('conflict', `The recording "${row.fileName}" changed while it was being analysed, so the result was not saved.`);
      }
      store.analyses.save(sessionId, result.analysis, result.snapshots, result.analysis.analysis.notes ?? []);
      await checkpoints.clear();
    } catch (error) {
      store.sessions.settleUnfinishedRun(sessionId, signal.aborted ? null : describeFailure(error));
      // Cancelled: kept for the next run. Failed: that recording cannot be analysed as it is.
      if (!signal.aborted) await checkpoints.clear();
      throw error;
    }
  };
  const queue = new JobQueue(runAnalysis, describeFailure);
  // Analyses that were queued or running when Attune closed (a crash, a power cut, quitting) start again,
  // from the beginning, for sessions that still have their recording and consent; a recording that has
  // gone since fails the run in words, as any run would.
  for (const id of interrupted) {
    const row = store.sessions.get(id);
    if (!row?.filePath || !store.sessions.latestConsent(id)) continue;
    store.sessions.requeue(id, RESTARTED);
    queue.enqueue(id, row.fileName);
  }
  const now = options.now ?? (() => new Date());
  // Consent periods that have ended are enforced at start and then every hour while Attune runs.
  deleteExpiredSessions(store, queue, now());
  const retentionTimer = setInterval(() => deleteExpiredSessions(store, queue, now()), RETENTION_CHECK_MS);
  retentionTimer.unref();

  const audit = ({ action, audited }: AuditedCall): void => {
    if (store.status().state === 'open') store.audit.append(ACTOR, action, audited.sessionId, audited.detail, now());
  };
  const lock = new AppLock(store, options.idleSeconds ?? (() => 0), (action, reason) => audit({ action, audited: { sessionId: null, detail: { reason } } }));
  const lockTimer = setInterval(() => lock.check(), options.lockCheckMs ?? LOCK_CHECK_MS);
  lockTimer.unref();

  let modelsVerified = false;
  const handlers = createHandlers({
    store,
    queue,
    version: APP_VERSION,
    // Verified once per run: hashing the model on every call would be wasted work.
    modelsReady: async () =>
      (modelsVerified ||= await verifiedModel(options.modelsDir, 'face_landmarker').then(() => true, () => false)),
    probe: options.probe ?? probeMedia,
    pickRecording: options.pickRecording,
    pickSavePath: options.pickSavePath,
    now,
    extractThumbnail: options.extractThumbnail ?? extractThumbnail,
    ratingScale: loadRatingScale(options.dataDir),
    printPdf: options.printPdf ?? printWithChromium,
    pickPackage: options.pickPackage,
    // De-identified clips: the same engine the analysis uses, its faces carrying their landmarks.
    startLandmarkEngine: async () =>
      (options.visionEngine ?? startChromiumVision)({ models: (await verifiedVisionModels(options.modelsDir)).files, faceLandmarks: true }),
    lock,
  });

  return {
    handlers,
    // While locked, main itself refuses everything but unlocking: hiding client data is not the screen's job alone.
    invoke: async (channel, payload) => (lock.isLocked && !OPEN_WHILE_LOCKED.includes(channel) ? LOCKED : invokeChannel(handlers, channel, payload, audit)),
    subscribe: (event, listener) =>
      event === 'lock:changed'
        ? lock.subscribe(listener as (state: LockState) => void)
        : queue.subscribe(listener as (job: JobView) => void),
    recordingFor: (sessionId) => {
      if (store.status().state !== 'open' || lock.isLocked) return null;
      const row = store.sessions.get(sessionId);
      // A session received in a package has no recording here (filePath is empty) until one is linked.
      return row?.filePath ? { filePath: row.filePath, sizeBytes: row.sizeBytes, mtimeMs: row.mtimeMs } : null;
    },
    clipFor: (sessionId, markerId) => (store.status().state !== 'open' || lock.isLocked ? null : store.received.clipData(sessionId, markerId)),
    close: async () => {
      clearInterval(retentionTimer);
      clearInterval(lockTimer);
      await queue.close();
      store.close();
    },
  };
}

function isChannel(name: string): name is ChannelName {
  return Object.hasOwn(channels, name);
}

async function invokeChannel(
  handlers: Handlers,
  channel: string,
  payload: unknown,
  audit: (call: AuditedCall) => void,
): Promise<IpcResult<unknown>> {
  try {
    if (!isChannel(channel)) throw new IpcValidationError(`unknown channel "${channel}"`);
    const request: unknown = channels[channel].parse(payload);
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    const value = await handler(request);
    const call = auditedCall(channel, request, value);
    if (call) audit(call);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof IpcValidationError) return { ok: false, error: { code: 'invalid-request', message: error.message } };
    if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } };
    return { ok: false, error: { code: 'failed', message: describeRequestFailure(error) } };
  }
}
