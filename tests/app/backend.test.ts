import { createMediaProtocolHandler } from '../../main/app/media-protocol.ts';
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, readdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, test } from 'vitest';
import type { Analysis } from '../../lib/analysis/types.ts';
import type { DeletionReport, JobView, MediaUrl, PendingImport, SessionDetail, SessionSummary } from '../../lib/ipc/contract.ts';
import type { AuditLogView, DeletionReceipt } from '../../lib/ipc/store-channels.ts';
import type { LockState } from '../../lib/ipc/lock-channels.ts';
import { DEFAULT_REVIEW_SETTINGS, type Note, type NoticeHistoryEntry, type NoticeRun, type PackageImportReport, type ReviewSettings, type ScaleInfo } from '../../lib/ipc/supervision-channels.ts';
import { DEFAULT_SCALE } from '../../lib/ratings/scale.ts';
import { parseNotesFile } from '../../lib/export/notes-file.ts';
import { compareNoticing } from '../../lib/notice/compare.ts';
import { createAppBackend, type AnalyzeFn, type AppBackend } from '../../main/app/backend.ts';
import { MediaError } from '../../main/media/media-error.ts';
import { SessionStore } from '../../main/store/session-store.ts';
import { writeAtomically } from '../../main/files/atomic-write.ts';
import { packageContents, packageEntries } from '../../main/package/review-package.ts';
import { openSealedFile, sealEntries } from '../../main/package/sealed-file.ts';
import { sha256OfFile } from '../../models/manifest.ts';
import { MODELS_DIR, scratch } from '../helpers/paths.ts';
import { copyRecording, KNOWN_SNAPSHOTS, knownAnalysis, plaintextIn, testKey } from './fixtures.ts';

const scratchDir = scratch('backend');
afterAll(() => scratchDir.remove());
let n = 0;

/** A fresh profile folder and a folder of the therapist's recordings (real files, copied from shared media). */
function setup(analyze: AnalyzeFn, extra: Partial<Parameters<typeof createAppBackend>[0]> = {}) {
  const root = join(scratchDir.dir, `case${n++}`);
  const recordings = join(root, 'Recordings');
  const recording = copyRecording(recordings);
  const key = testKey();
  const backend = createAppBackend({ dataDir: join(root, 'profile'), dbKey: key, modelsDir: MODELS_DIR, analyze, ...extra });
  return { backend, recording, recordings, root, key };
}

/** Invokes a channel through the same parse-and-dispatch path as the IPC edge; throws the message on refusal. */
async function call<T>(backend: AppBackend, channel: string, payload?: unknown): Promise<T> {
  const result = await backend.invoke(channel, payload);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as T;
}

/** The pipeline's known result for a recording, with a plain-language note as the pipeline writes them. */
async function knownAnalysisWithNote(file: string): Promise<Analysis> {
  const analysis = knownAnalysis(await sha256OfFile(file));
  analysis.analysis.notes = ['No speech was detected in the sound.'];
  return analysis;
}

/** Stands in for the pipeline with a known result, so these tests are about the app, not the analysis. */
const knownResult: AnalyzeFn = async (file) => ({ analysis: await knownAnalysisWithNote(file), snapshots: KNOWN_SNAPSHOTS });

const consent = { consentedBy: 'Client Z (verbal, recorded)', consentedAt: '2026-11-02', purposes: ['self-review', 'supervision'], retainUntil: '2027-11-02' };

async function importedWithConsent(backend: AppBackend, recording: string): Promise<string> {
  const pending = await call<PendingImport>(backend, 'sessions:import', { filePath: recording });
  await call(backend, 'sessions:recordConsent', { sessionId: pending.sessionId, ...consent });
  return pending.sessionId;
}

/** Starts an analysis and resolves with every event of its job once it has finished, failed or been cancelled. */
async function analysed(backend: AppBackend, sessionId: string): Promise<JobView[]> {
  const events: JobView[] = [];
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  // Subscribed before starting: a run that fails at once can finish before startAnalysis's answer arrives.
  const unsubscribe = backend.subscribe('jobs:progress', (job) => {
    if (job.sessionId !== sessionId) return;
    events.push(job);
    if (job.state !== 'queued' && job.state !== 'running') finished();
  });
  try {
    await call(backend, 'sessions:startAnalysis', { sessionId });
    await done;
  } finally {
    unsubscribe();
  }
  return events;
}

test('import probes and hashes the real file, waits for consent, and the same recording is recognised again', async () => {
  const { backend, recording } = setup(knownResult);
  try {
    const pending = await call<PendingImport>(backend, 'sessions:import', { filePath: recording });
    assert.equal(pending.fileName, '01-01-01-01-02-01-05.mp4');
    assert.ok(Math.abs(pending.durationSec - 3.16) < 0.1, `duration ${pending.durationSec}`);
    assert.equal(pending.alreadyImported, false);
    const [summary] = await call<SessionDetail[]>(backend, 'library:list');
    assert.equal(summary?.status, 'awaiting-consent');

    await assert.rejects(call(backend, 'sessions:startAnalysis', { sessionId: pending.sessionId }), /Record the client's consent/);
    const again = await call<PendingImport>(backend, 'sessions:import', { filePath: recording });
    assert.deepEqual(again, { ...pending, alreadyImported: true });
    assert.equal((await call<unknown[]>(backend, 'library:list')).length, 1);
  } finally {
    await backend.close();
  }
});

test('import refuses what is not a recording, with words a clinician understands, and stores nothing', async () => {
  const { backend, root } = setup(knownResult);
  try {
    const notes = join(root, 'notes.mp4');
    writeFileSync(notes, 'session notes, not a video');
    await assert.rejects(call(backend, 'sessions:import', { filePath: notes }), /could not be opened as a video or audio recording/);
    await assert.rejects(call(backend, 'sessions:import', { filePath: join(root, 'missing.mp4') }), /was not found/);
    await assert.rejects(call(backend, 'sessions:import', {}), /No file picker/);
    await assert.rejects(call(backend, 'sessions:import', { filePath: 'relative.mp4' }), { code: 'invalid-request' });
    assert.deepEqual(await call(backend, 'library:list'), []);
  } finally {
    await backend.close();
  }
});

test('the main-process picker is used when no path is given; cancelling it imports nothing', async () => {
  let answer: string | null = null;
  const { backend, recording } = setup(knownResult, { pickRecording: async () => answer });
  try {
    assert.equal(await call(backend, 'sessions:import'), null);
    answer = recording;
    assert.equal((await call<PendingImport>(backend, 'sessions:import')).fileName, '01-01-01-01-02-01-05.mp4');
  } finally {
    await backend.close();
  }
});

test('consent, analysis, review, roles, thumbnails and media URL work end to end on a real recording', async () => {
  const { backend, recording } = setup(knownResult);
  try {
    await assert.rejects(call(backend, 'sessions:recordConsent', { sessionId: 'nope', ...consent }), { code: 'not-found' });
    const sessionId = await importedWithConsent(backend, recording);
    await assert.rejects(
      call(backend, 'sessions:recordConsent', { sessionId, ...consent, retainUntil: '2025-01-01' }),
      /retention date must not be before/,
    );
    const events = await analysed(backend, sessionId);
    assert.deepEqual([...new Set(events.map((e) => e.state))], ['queued', 'running', 'done']);

    const detail = await call<SessionDetail>(backend, 'sessions:get', { sessionId });
    assert.equal(detail.status, 'analysed');
    assert.equal(detail.markerCount, 3);
    assert.equal(detail.source.status, 'present');
    assert.equal(detail.consent?.consentedBy, consent.consentedBy);
    assert.deepEqual(detail.analysis, await knownAnalysisWithNote(recording));
    assert.deepEqual(detail.people.map((p) => p.id), ['p1', 'p2']);
    assert.deepEqual(detail.notes, ['No speech was detected in the sound.']);

    const people = await call<{ id: string; role: string }[]>(backend, 'people:assignRole', { sessionId, personId: 'p2', role: 'therapist' });
    assert.equal(people.find((p) => p.id === 'p2')?.role, 'therapist');
    await assert.rejects(call(backend, 'people:assignRole', { sessionId, personId: 'p9', role: 'client' }), { code: 'not-found' });

    const thumbnail = await call<string>(backend, 'people:thumbnail', { sessionId, personId: 'p1' });
    assert.match(thumbnail, /^data:image\/jpeg;base64,/);
    assert.equal(Buffer.from(thumbnail.split(',')[1]!, 'base64').subarray(0, 2).toString('hex'), 'ffd8', 'a real JPEG cut by ffmpeg');
    assert.equal(await call(backend, 'people:thumbnail', { sessionId, personId: 'p1' }), thumbnail, 'then served from the store');
    assert.equal((await call<SessionDetail>(backend, 'sessions:get', { sessionId })).people[0]?.hasThumbnail, true);

    assert.deepEqual(await call(backend, 'media:url', { sessionId }), { url: `attune-media://session/${sessionId}`, sourceStatus: 'present', clips: [] });
    assert.equal(backend.recordingFor(sessionId)?.filePath, recording);
  } finally {
    await backend.close();
  }
});

test('deleting a session removes everything Attune holds about it, reports it, and leaves the recording alone', async () => {
  const { backend, recording } = setup(knownResult);
  try {
    const sessionId = await importedWithConsent(backend, recording);
    await analysed(backend, sessionId);
    await call(backend, 'people:thumbnail', { sessionId, personId: 'p1' });
    await call(backend, 'notes:add', { sessionId, authorRole: 'therapist', authorName: 'T.', startSec: 1, endSec: 1, markerId: null, text: 'x', tag: null, rating: null });
    const report = await call(backend, 'sessions:delete', { sessionId });
    assert.deepEqual(report, {
      sessionId,
      fileName: '01-01-01-01-02-01-05.mp4',
      removed: { sessions: 1, consentRecords: 1, people: 2, analyses: 1, markers: 3, notes: 1, noticeRuns: 0 },
      jobCancelled: false,
      vacuumed: true,
      recordingKeptAt: recording,
      copiesCleared: 0, // the only backup was made at start, before the import
    });
    assert.ok(existsSync(recording));
    assert.deepEqual(await call(backend, 'library:list'), []);
    assert.equal(backend.recordingFor(sessionId), null, 'the media protocol has nothing left to serve');
    await assert.rejects(call(backend, 'sessions:get', { sessionId }), { code: 'not-found' });
  } finally {
    await backend.close();
  }
});

test('a failed analysis keeps a clear message, saves nothing, and the session can be run again', async () => {
  let fail = true;
  const flaky: AnalyzeFn = async (file, options) => {
    if (fail) throw new MediaError('damaged', 'Part of the video in "x.mp4" is damaged near 1.2 s and could not be read, so nothing was saved.');
    return knownResult(file, options);
  };
  const { backend, recording } = setup(flaky);
  try {
    const sessionId = await importedWithConsent(backend, recording);
    const events = await analysed(backend, sessionId);
    assert.equal(events.at(-1)?.state, 'failed');
    assert.match(events.at(-1)?.error ?? '', /damaged near 1.2 s/);
    const failed = await call<SessionDetail>(backend, 'sessions:get', { sessionId });
    assert.equal(failed.status, 'failed');
    assert.match(failed.lastError ?? '', /damaged near 1.2 s/);
    assert.equal(failed.analysis, null);

    fail = false;
    await analysed(backend, sessionId);
    const rerun = await call<SessionDetail>(backend, 'sessions:get', { sessionId });
    assert.equal(rerun.status, 'analysed');
    assert.equal(rerun.lastError, null);
  } finally {
    await backend.close();
  }
});

test('cancelling a running analysis aborts the pipeline and leaves the session ready to run', async () => {
  let sawAbort = false;
  const waitsForCancel: AnalyzeFn = (_file, options) =>
    new Promise((_resolve, reject) => {
      options.onProgress?.({ stage: 'vision', fraction: 0.1, overall: 0.1, etaSec: 100 });
      options.signal?.addEventListener('abort', () => ((sawAbort = true), reject(options.signal?.reason)), { once: true });
    });
  const { backend, recording } = setup(waitsForCancel);
  try {
    const sessionId = await importedWithConsent(backend, recording);
    const job = await call<JobView>(backend, 'sessions:startAnalysis', { sessionId });
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal((await call<SessionDetail>(backend, 'sessions:get', { sessionId })).status, 'analysing');
    assert.equal((await call<JobView[]>(backend, 'jobs:list'))[0]?.progress?.etaSec, 100);
    assert.deepEqual(await call(backend, 'jobs:cancel', { jobId: job.jobId }), { cancelled: true });
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(sawAbort, true);
    const after = await call<SessionDetail>(backend, 'sessions:get', { sessionId });
    assert.equal(after.status, 'ready');
    assert.equal(after.lastError, null);
    assert.equal(after.job, null);
  } finally {
    await backend.close();
  }
});

test('a recording that moved or changed is reported on open, refused for analysis, and can be located again', async () => {
  const { backend, recording, recordings } = setup(knownResult);
  try {
    const sessionId = await importedWithConsent(backend, recording);
    const later = new Date(Date.now() + 60_000);
    utimesSync(recording, later, later);
    assert.equal((await call<SessionDetail>(backend, 'sessions:get', { sessionId })).source.status, 'present', 'touched but identical');

    const moved = join(recordings, 'renamed by the therapist.mp4');
    renameSync(recording, moved);
    const detail = await call<SessionDetail>(backend, 'sessions:get', { sessionId });
    assert.deepEqual(detail.source, { status: 'moved', fileName: '01-01-01-01-02-01-05.mp4', folder: recordings });
    await assert.rejects(call(backend, 'sessions:startAnalysis', { sessionId }), /no longer where it was imported from/);

    const different = copyRecording(join(recordings, 'other'), '01-01-03-01-01-02-05.mp4');
    await assert.rejects(call(backend, 'sessions:relocate', { sessionId, filePath: different }), /not the recording this session was made from/);
    const relocated = await call<{ fileName: string }>(backend, 'sessions:relocate', { sessionId, filePath: moved });
    assert.equal(relocated.fileName, 'renamed by the therapist.mp4');
    assert.equal((await call<SessionDetail>(backend, 'sessions:get', { sessionId })).source.status, 'present');

    appendFileSync(moved, Buffer.from([0]));
    assert.equal((await call<SessionDetail>(backend, 'sessions:get', { sessionId })).source.status, 'changed');
    await assert.rejects(call(backend, 'sessions:startAnalysis', { sessionId }), /has changed since it was imported/);
  } finally {
    await backend.close();
  }
});

test('after a crash, analyses left queued or analysing start again at the next start, saying why', async () => {
  const { backend, recording, root, key } = setup(knownResult);
  const sessionId = await importedWithConsent(backend, recording);
  await backend.close();
  const store = SessionStore.open(join(root, 'profile', 'sessions.db'), key);
  store.sessions.setStatus(sessionId, 'analysing');
  store.close();

  // The analysis waits on this gate, so the restarted run can be seen before it finishes.
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const analyze: AnalyzeFn = async (file, options) => {
    await gate;
    return knownResult(file, options);
  };
  const restarted = createAppBackend({ dataDir: join(root, 'profile'), dbKey: key, modelsDir: MODELS_DIR, analyze });
  try {
    const finished = new Promise<JobView>((resolve) =>
      restarted.subscribe('jobs:progress', (job) => job.sessionId === sessionId && job.state !== 'queued' && job.state !== 'running' && resolve(job)),
    );
    const detail = await call<SessionDetail>(restarted, 'sessions:get', { sessionId });
    assert.ok(['queued', 'analysing'].includes(detail.status), detail.status);
    assert.match(detail.lastError ?? '', /closed before this analysis finished, so it started again when Attune reopened, from where it had got to/);
    assert.equal(detail.job?.sessionId, sessionId, 'the job is in the queue');
    open();
    assert.equal((await finished).state, 'done');
    const after = await call<SessionDetail>(restarted, 'sessions:get', { sessionId });
    assert.equal(after.status, 'analysed');
    assert.equal(after.lastError, null);
  } finally {
    await restarted.close();
  }
});

test('app:info reports the version and whether the verified model is present', async () => {
  const { backend } = setup(knownResult);
  const missing = setup(knownResult, { modelsDir: join(scratchDir.dir, 'no-models') });
  try {
    assert.deepEqual(await call(backend, 'app:info'), { version: '0.1.0', modelsReady: true });
    assert.deepEqual(await call(missing.backend, 'app:info'), { version: '0.1.0', modelsReady: false });
    assert.deepEqual(await backend.invoke('app:quit', undefined), { ok: false, error: { code: 'invalid-request', message: 'unknown channel "app:quit"' } });
  } finally {
    await backend.close();
    await missing.backend.close();
  }
});

test('notes: written at a moment, over a stretch or on a marker, edited and deleted; kept encrypted, gone with the session', async () => {
  const { backend, recording, root } = setup(knownResult);
  try {
    const sessionId = await importedWithConsent(backend, recording);
    await analysed(backend, sessionId);
    const secret = 'The client looked away when the mother was mentioned';
    const base = { sessionId, authorRole: 'supervisor', authorName: 'Dr. S.', markerId: null, tag: null, rating: null };
    const range = await call<Note>(backend, 'notes:add', { ...base, startSec: 1.5, endSec: 2.5, text: secret, tag: 'rupture' });
    const moment = await call<Note>(backend, 'notes:add', { ...base, authorRole: 'therapist', authorName: 'T.', startSec: 0.5, endSec: 0.5, text: 'I missed this' });
    const onMarker = await call<Note>(backend, 'notes:add', { ...base, startSec: 0.2, endSec: 0.6, markerId: 'm1', text: 'Worth discussing' });
    assert.deepEqual((await call<Note[]>(backend, 'notes:list', { sessionId })).map((n) => n.id), [onMarker.id, moment.id, range.id], 'in time order');

    const edited = await call<Note>(backend, 'notes:update', { noteId: moment.id, authorRole: 'therapist', authorName: 'T.', startSec: 0.5, endSec: 0.5, markerId: null, text: 'I missed this — she paused', tag: 'missed cue', rating: null });
    assert.equal(edited.text, 'I missed this — she paused');
    assert.equal(edited.createdAt, moment.createdAt);
    assert.ok(edited.updatedAt >= moment.updatedAt);

    // Refused: the end before the start, a marker that is not in the analysis, a time past the recording, a note that does not exist.
    await assert.rejects(call(backend, 'notes:add', { ...base, startSec: 2, endSec: 1, text: 'x' }), /must end after it starts/);
    await assert.rejects(call(backend, 'notes:add', { ...base, startSec: 0, endSec: 1, markerId: 'm99', text: 'x' }), /not in this session’s analysis/);
    await assert.rejects(call(backend, 'notes:add', { ...base, startSec: 3600, endSec: 3600, text: 'x' }), /within the recording/);
    // Once p1 is named the therapist, their own markers are not the review's, so no note can be about one.
    await call(backend, 'people:assignRole', { sessionId, personId: 'p2', role: 'client' });
    await call(backend, 'people:assignRole', { sessionId, personId: 'p1', role: 'therapist' });
    await assert.rejects(call(backend, 'notes:add', { ...base, startSec: 0.2, endSec: 0.6, markerId: 'm1', text: 'x' }), /not in this session’s analysis/);
    const [listed] = await call<SessionSummary[]>(backend, 'library:list');
    assert.equal(listed?.markerCount, 1, 'the library counts what the review shows: m3 (no person), not p1’s m1 and m2');
    const onShown = await call<Note>(backend, 'notes:add', { ...base, startSec: 0.8, endSec: 1, markerId: 'm3', text: 'a marker the review shows' });
    assert.deepEqual(await call(backend, 'notes:delete', { noteId: onShown.id }), { deleted: true });
    await call(backend, 'people:assignRole', { sessionId, personId: 'p1', role: 'unknown' });
    await assert.rejects(call(backend, 'notes:update', { noteId: 'nope', authorRole: 'therapist', authorName: 'T.', startSec: 0, endSec: 0, markerId: null, text: 'x', tag: null, rating: null }), { code: 'not-found' });

    assert.deepEqual(await call(backend, 'notes:delete', { noteId: onMarker.id }), { deleted: true });
    assert.deepEqual(await call(backend, 'notes:delete', { noteId: onMarker.id }), { deleted: false });
    assert.equal((await call<Note[]>(backend, 'notes:list', { sessionId })).length, 2);
    assert.deepEqual(plaintextIn(join(root, 'profile'), secret), [], 'the note is not readable in the store’s files');

    const report = await call<DeletionReport>(backend, 'sessions:delete', { sessionId });
    assert.equal(report.removed.notes, 2);
    await assert.rejects(call(backend, 'notes:list', { sessionId }), { code: 'not-found' });
  } finally {
    await backend.close();
  }
});

test('notice first: the presses are compared with the session’s markers by main, kept, listed in the history, and deleted with the session', async () => {
  const { backend, recording } = setup(knownResult);
  try {
    const sessionId = await importedWithConsent(backend, recording);
    await assert.rejects(call(backend, 'notice:save', { sessionId, presses: [] }), /not been analysed yet/);
    await analysed(backend, sessionId);
    assert.equal(await call(backend, 'notice:latest', { sessionId }), null);
    const presses = [{ tSec: 0.9, word: 'quieter' }, { tSec: 0.3, word: null }, { tSec: 999, word: null }];
    const run = await call<NoticeRun>(backend, 'notice:save', { sessionId, presses });
    const { analysis } = await call<SessionDetail>(backend, 'sessions:get', { sessionId });
    const inside = [presses[1]!, presses[0]!];
    assert.deepEqual(run.presses, inside, 'in time order; a press past the end of the recording is dropped');
    assert.deepEqual(run.comparison, compareNoticing(inside, analysis!.markers));
    assert.equal(run.markerCount, 3);
    assert.deepEqual(await call(backend, 'notice:latest', { sessionId }), run);
    const [entry] = await call<NoticeHistoryEntry[]>(backend, 'notice:history');
    assert.deepEqual(entry, { sessionId, fileName: '01-01-01-01-02-01-05.mp4', createdAt: run.createdAt, presses: 2, markers: 3, both: 2, agreement: run.comparison.agreement });
    const report = await call<DeletionReport>(backend, 'sessions:delete', { sessionId });
    assert.equal(report.removed.noticeRuns, 1);
    assert.deepEqual(await call(backend, 'notice:history'), []);
  } finally {
    await backend.close();
  }
});

test('ratings: on the scale in use, a rating alone is a note, a level the scale lacks is refused; a service’s scale file is used, a bad one explained', async () => {
  const { backend, recording, root, key } = setup(knownResult);
  try {
    const sessionId = await importedWithConsent(backend, recording);
    await analysed(backend, sessionId);
    const scale = await call<ScaleInfo>(backend, 'notes:scale');
    assert.deepEqual(scale, { scale: DEFAULT_SCALE, problem: null });
    const base = { sessionId, authorRole: 'supervisor', authorName: 'Dr. S.', startSec: 0.5, endSec: 1.5, markerId: null, tag: null };
    const rated = await call<Note>(backend, 'notes:add', { ...base, text: '', rating: 4 });
    assert.deepEqual([rated.rating, rated.ratingScale], [4, DEFAULT_SCALE.name]);
    await assert.rejects(call(backend, 'notes:add', { ...base, text: '', rating: 9 }), /9 is not a level of the rating scale/);
    await assert.rejects(call(backend, 'notes:add', { ...base, text: '  ', rating: null }), /needs some words or a rating/);
    const { sessionId: _, ...content } = base;
    const unrated = await call<Note>(backend, 'notes:update', { noteId: rated.id, ...content, text: 'fine', rating: null });
    assert.deepEqual([unrated.rating, unrated.ratingScale], [null, null]);
  } finally {
    await backend.close();
  }
  // The service's own scale, then a broken one: read at the next start.
  const own = { name: 'Clinic 0–3', levels: [0, 1, 2, 3].map((value) => ({ value, label: `L${value}`, anchor: `A${value}` })) };
  writeFileSync(join(root, 'profile', 'rating-scale.json'), JSON.stringify(own));
  const again = createAppBackend({ dataDir: join(root, 'profile'), dbKey: key, modelsDir: MODELS_DIR, analyze: knownResult });
  try {
    assert.deepEqual(await call(again, 'notes:scale'), { scale: own, problem: null });
  } finally {
    await again.close();
  }
  writeFileSync(join(root, 'profile', 'rating-scale.json'), JSON.stringify({ ...own, levels: [own.levels[1], own.levels[0]] }));
  const broken = createAppBackend({ dataDir: join(root, 'profile'), dbKey: key, modelsDir: MODELS_DIR, analyze: knownResult });
  try {
    const info = await call<ScaleInfo>(broken, 'notes:scale');
    assert.deepEqual(info.scale, DEFAULT_SCALE);
    assert.match(info.problem ?? '', /rating-scale\.json could not be used \(the levels’ values must rise from the first to the last\), so Attune’s own scale is used\./);
  } finally {
    await broken.close();
  }
});

test('review settings: names and tags are kept in the encrypted library across starts, tidied, and a stored value that no longer parses gives the defaults', async () => {
  const { backend, root, key } = setup(knownResult);
  const profile = join(root, 'profile');
  try {
    assert.deepEqual(await call(backend, 'notes:settings'), DEFAULT_REVIEW_SETTINGS);
    const kept = await call<ReviewSettings>(backend, 'notes:saveSettings', {
      writingAs: 'supervisor',
      names: { therapist: '  Tove Lind ', supervisor: 'Dr. Sara Berg' },
      tags: ['rupture', ' Enactment ', 'RUPTURE', 'enactment', 'silence'],
    });
    assert.deepEqual(kept, { writingAs: 'supervisor', names: { therapist: 'Tove Lind', supervisor: 'Dr. Sara Berg' }, tags: ['rupture', 'Enactment', 'silence'] });
    await call(backend, 'notes:saveSettings', { ...kept, tags: [] });
  } finally {
    await backend.close();
  }
  assert.deepEqual(plaintextIn(profile, 'Sara Berg'), [], 'the names are encrypted at rest');
  const again = createAppBackend({ dataDir: profile, dbKey: key, modelsDir: MODELS_DIR, analyze: knownResult });
  try {
    assert.deepEqual(await call(again, 'notes:settings'), { writingAs: 'supervisor', names: { therapist: 'Tove Lind', supervisor: 'Dr. Sara Berg' }, tags: [] });
  } finally {
    await again.close();
  }
  const store = SessionStore.open(join(profile, 'sessions.db'), key);
  try {
    store.settings.set('review', { writingAs: 'client', names: {}, tags: 'x' });
  } finally {
    store.close();
  }
  const third = createAppBackend({ dataDir: profile, dbKey: key, modelsDir: MODELS_DIR, analyze: knownResult });
  try {
    assert.deepEqual(await call(third, 'notes:settings'), DEFAULT_REVIEW_SETTINGS);
  } finally {
    await third.close();
  }
});

test('exports from the app: the CLI’s formats as the review shows the session, with its notes; refused in words when there is nothing to export; audited', async () => {
  const failingPrinter = async (): Promise<Uint8Array> => {
    throw new Error('Chromium crashed\nstack…');
  };
  const { backend, recording, root } = setup(knownResult);
  const broken = setup(knownResult, { printPdf: failingPrinter });
  try {
    const sessionId = await importedWithConsent(backend, recording);
    const out = (name: string) => join(root, 'Exports', name);
    await assert.rejects(call(backend, 'sessions:export', { sessionId, format: 'html', filePath: out('early.html') }), /not been analysed yet/);
    await analysed(backend, sessionId);
    await assert.rejects(call(backend, 'sessions:export', { sessionId, format: 'notes-csv', filePath: out('n.csv') }), /no notes or ratings yet/);
    await call(backend, 'notes:add', { sessionId, authorRole: 'supervisor', authorName: 'Dr. S.', startSec: 1, endSec: 2, markerId: 'm1', text: 'Look here', tag: 'repair', rating: 3 });

    assert.deepEqual(await call(backend, 'sessions:export', { sessionId, format: 'html', filePath: out('r.html') }), { path: out('r.html') });
    const html = readFileSync(out('r.html'), 'utf8');
    assert.match(html, /Notes and ratings \(1\)/);
    assert.match(html, /Look here/);
    await call(backend, 'sessions:export', { sessionId, format: 'eaf', filePath: out('r.eaf') });
    assert.match(readFileSync(out('r.eaf'), 'utf8'), /TIER_ID="Notes – Supervisor: Dr\. S\."/);
    await call(backend, 'sessions:export', { sessionId, format: 'notes-csv', filePath: out('n.csv') });
    assert.match(readFileSync(out('n.csv'), 'utf8'), /Look here/);
    await call(backend, 'sessions:export', { sessionId, format: 'pdf', filePath: out('r.pdf') });
    assert.equal(readFileSync(out('r.pdf')).subarray(0, 5).toString('latin1'), '%PDF-');

    // The dialog's suggestion is the recording's name with the format's ending; cancelling writes nothing.
    let suggested = '';
    const picking = setup(knownResult, { pickSavePath: async (name) => ((suggested = name), null) });
    try {
      const id = await importedWithConsent(picking.backend, picking.recording);
      await analysed(picking.backend, id);
      assert.equal(await call(picking.backend, 'sessions:export', { sessionId: id, format: 'markers-csv' }), null);
      assert.match(suggested, /\.markers\.csv$/);
    } finally {
      await picking.backend.close();
    }

    const actions = (await call<AuditLogView>(backend, 'store:auditLog')).entries.filter((e) => e.action === 'export').map((e) => e.detail);
    assert.deepEqual(actions.map((d) => d.format), ['html', 'eaf', 'notes-csv', 'pdf'], 'each written export is logged with its format, refusals are not');

    // A PDF that cannot be printed: one sentence, and no file.
    const other = await importedWithConsent(broken.backend, broken.recording);
    await analysed(broken.backend, other);
    await assert.rejects(
      call(broken.backend, 'sessions:export', { sessionId: other, format: 'pdf', filePath: out('broken.pdf') }),
      /^Error: The PDF report could not be printed \(Chromium crashed\)\. The HTML report holds the same/,
    );
    assert.equal(existsSync(out('broken.pdf')), false);
  } finally {
    await backend.close();
    await broken.backend.close();
  }
});

test('review packages with clips: cut from the session’s recording, or drawn and with names left out, only from a recording still in place', async () => {
  const { backend, recording, root } = setup(knownResult);
  const PASS = 'river stone quiet lamp';
  try {
    const sessionId = await importedWithConsent(backend, recording);
    await analysed(backend, sessionId);
    await call<Note>(backend, 'notes:add', { sessionId, authorRole: 'therapist', authorName: 'T. Lind', markerId: null, tag: null, rating: null, startSec: 0.5, endSec: 0.5, text: 'She went quiet' });
    const markerIds = (await call<SessionDetail>(backend, 'sessions:get', { sessionId })).analysis!.markers.map((m) => m.id);

    const plain = join(root, 'Out', 'plain.attune');
    assert.deepEqual(await call(backend, 'package:create', { sessionId, passphrase: PASS, filePath: plain, clipMarkerIds: markerIds }), { path: plain, clips: 3, deidentified: false });
    const cut = packageContents(await openSealedFile(plain, PASS), 'plain.attune');
    assert.deepEqual(cut.clips.map((c) => [c.clip.markerId, c.clip.deidentified]), markerIds.map((id) => [id, false]));
    assert.ok(cut.clips.every((c) => Buffer.from(c.data).subarray(4, 8).toString('latin1') === 'ftyp'), 'each clip is an MP4');
    assert.equal(cut.analysis.source.file, 'session.mp4', 'the analysis as the review shows it (names kept)');

    const drawn = join(root, 'Out', 'drawn.attune');
    assert.deepEqual(await call(backend, 'package:create', { sessionId, passphrase: PASS, filePath: drawn, clipMarkerIds: [markerIds[0]], deidentify: true }), { path: drawn, clips: 1, deidentified: true });
    const deid = packageContents(await openSealedFile(drawn, PASS), 'drawn.attune');
    assert.deepEqual(deid.clips.map((c) => [c.clip.markerId, c.clip.deidentified]), [[markerIds[0], true]]);
    assert.equal(deid.analysis.source.file, 'recording.mp4');
    assert.deepEqual(deid.notes?.notes.map((n) => [n.authorName, n.text]), [['Therapist', 'She went quiet']]);
    assert.equal(deid.consent?.consentedBy, 'the client (name left out)');
    const audit = (await call<AuditLogView>(backend, 'store:auditLog')).entries.filter((e) => e.action === 'package').map((e) => e.detail);
    assert.deepEqual(audit, [{ clips: '3', deidentified: 'false' }, { clips: '1', deidentified: 'true' }]);

    // Received in a supervisor's library: the clip is kept in the encrypted store and served by the media protocol.
    const supervisor = setup(knownResult);
    try {
      const got = await call<PackageImportReport>(supervisor.backend, 'package:import', { passphrase: PASS, filePath: drawn });
      assert.equal(got.received, true);
      assert.equal(got.fileName, 'recording.mp4', 'the de-identified name is all the supervisor sees');
      const media = await call<MediaUrl>(supervisor.backend, 'media:url', { sessionId: got.sessionId });
      assert.deepEqual(media.clips, [{ markerId: markerIds[0], url: `attune-media://clip/${got.sessionId}/${markerIds[0]}` }]);
      const serve = createMediaProtocolHandler(supervisor.backend.recordingFor, supervisor.backend.clipFor);
      const whole = await serve(new Request(media.clips[0]!.url));
      assert.equal(whole.headers.get('content-type'), 'video/mp4');
      assert.deepEqual(Buffer.from(await whole.arrayBuffer()), Buffer.from(deid.clips[0]!.data));
      const part = await serve(new Request(media.clips[0]!.url, { headers: { Range: 'bytes=0-99' } }));
      assert.equal(part.status, 206);
      assert.equal((await part.arrayBuffer()).byteLength, 100);
      assert.equal((await serve(new Request(`attune-media://clip/${got.sessionId}/m99`))).status, 404);
      assert.equal((await serve(new Request(media.url))).status, 404, 'no recording to stream');
      const detail = await call<SessionDetail>(supervisor.backend, 'sessions:get', { sessionId: got.sessionId });
      assert.deepEqual(detail.received?.clips.map((c) => [c.markerId, c.deidentified]), [[markerIds[0], true]]);
    } finally {
      await supervisor.backend.close();
    }

    await assert.rejects(call(backend, 'package:create', { sessionId, passphrase: PASS, filePath: join(root, 'Out', 'x.attune'), clipMarkerIds: ['m99'] }), /has no marker m99/);
    renameSync(recording, `${recording}.moved`);
    await assert.rejects(
      call(backend, 'package:create', { sessionId, passphrase: PASS, filePath: join(root, 'Out', 'y.attune'), clipMarkerIds: [markerIds[0]] }),
      /is no longer where it was imported from, so no clips can be cut\. Locate it, then seal again\.$/,
    );
    assert.deepEqual(readdirSync(join(root, 'Out')).sort(), ['drawn.attune', 'plain.attune'], 'nothing written for a refusal');
  } finally {
    await backend.close();
  }
});

test('review packages: sealed for a supervisor only under consent for supervision; their notes come back merged, later edits winning, after a backup', async () => {
  const { backend, recording, root } = setup(knownResult);
  const stranger = setup(knownResult);
  const PASS = 'river stone quiet lamp';
  try {
    const sessionId = await importedWithConsent(backend, recording);
    await analysed(backend, sessionId);
    const pkg = join(root, 'Out', 'for-supervision.attune');
    const base = { sessionId, authorRole: 'therapist', authorName: 'T. Lind', markerId: null, tag: null, rating: null };
    const early = await call<Note>(backend, 'notes:add', { ...base, startSec: 0.5, endSec: 0.5, text: 'She went quiet' });
    const later = await call<Note>(backend, 'notes:add', { ...base, startSec: 1.5, endSec: 1.5, text: 'I changed topic' });
    await assert.rejects(call(backend, 'package:create', { sessionId, passphrase: 'short', filePath: pkg }), /at least 10 characters/);

    assert.deepEqual(await call(backend, 'package:create', { sessionId, passphrase: PASS, filePath: pkg }), { path: pkg, clips: 0, deidentified: false });
    const shown = (await call<SessionDetail>(backend, 'sessions:get', { sessionId })).analysis;
    const contents = packageContents(await openSealedFile(pkg, PASS), 'for-supervision.attune');
    assert.deepEqual(contents.analysis, shown, 'the analysis as the review shows it');
    assert.deepEqual(contents.notes?.notes.map((n) => n.text), ['She went quiet', 'I changed topic']);
    assert.deepEqual(contents.consent?.purposes, ['self-review', 'supervision']);
    assert.equal(readFileSync(pkg).includes(Buffer.from('She went quiet')), false);

    // The supervisor adds a note and edits one; meanwhile the therapist edits the other after sending.
    const theirs = contents.notes!.notes.map((n) =>
      n.id === early.id ? { ...n, text: 'She went quiet — and you waited. Good.', tag: 'good attunement', updatedAt: '2099-01-01T00:00:00.000Z' } : n,
    );
    theirs.push({ ...theirs[0]!, id: 'supervisor-note-1', authorRole: 'supervisor', authorName: 'Dr. S.', startSec: 2, endSec: 3, text: 'Rating this stretch', rating: 4, ratingScale: DEFAULT_SCALE.name });
    const { sessionId: _session, ...content } = base;
    await call(backend, 'notes:update', { noteId: later.id, ...content, startSec: 1.5, endSec: 1.5, text: 'I changed topic — too soon' });
    const back = join(root, 'Out', 'from-supervisor.attune');
    await writeAtomically(back, sealEntries(packageEntries(contents.analysis, { ...contents.notes!, notes: theirs }, contents.consent), PASS), 'test');

    await assert.rejects(call(backend, 'package:import', { passphrase: 'river stone quiet lamps', filePath: back }), /The passphrase does not open from-supervisor\.attune/);
    const backupIds = async () => (await call<{ id: string }[]>(backend, 'store:backups')).map((b) => b.id);
    const backupsBefore = await backupIds();
    const report = await call<PackageImportReport>(backend, 'package:import', { passphrase: PASS, filePath: back });
    assert.deepEqual({ ...report, createdAt: undefined }, { sessionId, fileName: basename(recording), createdAt: undefined, added: 1, updated: 1, keptHere: 1, unchanged: 0, received: false });
    const notes = await call<Note[]>(backend, 'notes:list', { sessionId });
    assert.deepEqual(notes.map((n) => [n.authorName, n.text]), [
      ['T. Lind', 'She went quiet — and you waited. Good.'],
      ['T. Lind', 'I changed topic — too soon'],
      ['Dr. S.', 'Rating this stretch'],
    ]);
    assert.ok((await backupIds()).some((id) => !backupsBefore.includes(id)), 'a backup before the merge');
    const again = await call<PackageImportReport>(backend, 'package:import', { passphrase: PASS, filePath: back });
    assert.deepEqual([again.added, again.updated, again.keptHere, again.unchanged], [0, 0, 1, 2], 'importing twice changes nothing more');
    const log = (await call<AuditLogView>(backend, 'store:auditLog')).entries.map((e) => e.action);
    assert.deepEqual(log.filter((a) => a === 'package' || a === 'import-package'), ['package', 'import-package', 'import-package']);

    // A supervisor's library, without the recording: the session is added as received, notes and all;
    // the supervisor's note travels back and merges.
    const received = await call<PackageImportReport>(stranger.backend, 'package:import', { passphrase: PASS, filePath: pkg });
    assert.deepEqual({ ...received, sessionId: undefined }, { sessionId: undefined, fileName: 'session.mp4', createdAt: contents.manifest.createdAt, added: 2, updated: 0, keptHere: 0, unchanged: 0, received: true });
    const there = await call<SessionDetail>(stranger.backend, 'sessions:get', { sessionId: received.sessionId });
    assert.equal(there.status, 'analysed');
    assert.deepEqual(there.analysis, shown, 'the analysis as the therapist’s review showed it, roles and all');
    assert.deepEqual(there.received?.clips, []);
    assert.equal(there.source.status, 'moved');
    assert.deepEqual(there.consent?.purposes, ['self-review', 'supervision']);
    assert.equal(stranger.backend.recordingFor(received.sessionId), null, 'no recording to serve');
    await assert.rejects(call(stranger.backend, 'sessions:startAnalysis', { sessionId: received.sessionId }), /came in a review package without its recording\. Link the recording/);
    const twice = await call<PackageImportReport>(stranger.backend, 'package:import', { passphrase: PASS, filePath: pkg });
    assert.deepEqual([twice.received, twice.sessionId, twice.added], [false, received.sessionId, 0], 'the same package again merges into the received session');
    assert.equal((await call<unknown[]>(stranger.backend, 'library:list')).length, 1);
    await call(stranger.backend, 'notes:add', { sessionId: received.sessionId, authorRole: 'supervisor', authorName: 'Dr. S.', markerId: null, tag: null, rating: 3, startSec: 2, endSec: 2.5, text: 'From my own library' });
    const fromLibrary = join(root, 'Out', 'from-library.attune');
    await call(stranger.backend, 'package:create', { sessionId: received.sessionId, passphrase: PASS, filePath: fromLibrary });
    await assert.rejects(call(stranger.backend, 'package:create', { sessionId: received.sessionId, passphrase: PASS, filePath: join(root, 'Out', 'c.attune'), clipMarkerIds: ['m1'] }), /without its recording, so no clips can be cut/);
    const merged = await call<PackageImportReport>(backend, 'package:import', { passphrase: PASS, filePath: fromLibrary });
    assert.equal(merged.added, 1);
    assert.ok((await call<Note[]>(backend, 'notes:list', { sessionId })).some((n) => n.text === 'From my own library'));
    // Consent for self-review only: no package.
    await call(backend, 'sessions:recordConsent', { sessionId, ...consent, purposes: ['self-review'] });
    await assert.rejects(call(backend, 'package:create', { sessionId, passphrase: PASS, filePath: join(root, 'Out', 'no.attune') }), /does not cover supervision/);
    assert.equal(existsSync(join(root, 'Out', 'no.attune')), false);
  } finally {
    await backend.close();
    await stranger.backend.close();
  }
});

test('idle lock: after the set idle time main refuses everything but unlocking, until the lock passphrase is given; settings kept', async () => {
  let idle = 0;
  const { backend, recording, root, key } = setup(knownResult, { idleSeconds: () => idle, lockCheckMs: 20 });
  const profile = join(root, 'profile');
  try {
    const sessionId = await importedWithConsent(backend, recording);
    assert.deepEqual(await call(backend, 'lock:state'), { locked: false, hasPassphrase: false, idleMinutes: 15 });
    await assert.rejects(call(backend, 'lock:configure', { idleMinutes: 0 }), /locks after 1 to 240 minutes/);
    await assert.rejects(call(backend, 'lock:configure', { idleMinutes: 2, newPassphrase: 'tea' }), /at least 6 characters/);
    assert.deepEqual(await call(backend, 'lock:configure', { idleMinutes: 2, newPassphrase: 'tea at five' }), { locked: false, hasPassphrase: true, idleMinutes: 2 });

    // 119 s idle: still open; 120 s: locked, and told to the screen.
    const changes: LockState[] = [];
    const unsubscribe = backend.subscribe('lock:changed', (state) => changes.push(state));
    idle = 119;
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal((await call<LockState>(backend, 'lock:state')).locked, false);
    idle = 120;
    for (let i = 0; i < 50 && !changes.some((c) => c.locked); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    unsubscribe();
    assert.deepEqual(changes.at(-1), { locked: true, hasPassphrase: true, idleMinutes: 2 });

    for (const [channel, payload] of [['library:list', undefined], ['sessions:get', { sessionId }], ['notes:list', { sessionId }], ['lock:configure', { idleMinutes: 5, newPassphrase: null }]] as const) {
      const result = await backend.invoke(channel, payload);
      assert.deepEqual(result, { ok: false, error: { code: 'forbidden', message: 'Attune is locked. Unlock it to go on.' } }, channel);
    }
    assert.equal(backend.recordingFor(sessionId), null, 'the video is not served while locked');
    assert.equal((await call<{ version: string }>(backend, 'app:info')).version.length > 0, true);
    await assert.rejects(call(backend, 'lock:unlock', { passphrase: 'tea at six' }), /not the lock passphrase/);
    idle = 0;
    assert.equal((await call<LockState>(backend, 'lock:unlock', { passphrase: 'tea at five' })).locked, false);
    assert.equal((await call<unknown[]>(backend, 'library:list')).length, 1);
    assert.notEqual(backend.recordingFor(sessionId), null);

    await assert.rejects(call(backend, 'lock:configure', { idleMinutes: 5, newPassphrase: null }), /type the current one first/);
    await call(backend, 'lock:configure', { idleMinutes: 5, newPassphrase: 'a new kettle', currentPassphrase: 'tea at five' });
    const log = (await call<AuditLogView>(backend, 'store:auditLog')).entries.filter((e) => e.action === 'lock' || e.action === 'unlock');
    assert.deepEqual(log.map((e) => [e.action, e.detail.reason]), [['lock', 'idle'], ['unlock', 'passphrase']]);
  } finally {
    await backend.close();
  }
  assert.deepEqual(plaintextIn(profile, 'a new kettle'), [], 'only a hash of the passphrase is kept, encrypted');
  const again = createAppBackend({ dataDir: profile, dbKey: key, modelsDir: MODELS_DIR, analyze: knownResult });
  try {
    assert.deepEqual(await call(again, 'lock:state'), { locked: false, hasPassphrase: true, idleMinutes: 5 });
    // Locked by hand; without a passphrase (removed) unlocking is a click.
    assert.equal((await call<LockState>(again, 'lock:now')).locked, true);
    await assert.rejects(call(again, 'lock:unlock', { passphrase: '' }), /not the lock passphrase/);
    await call(again, 'lock:unlock', { passphrase: 'a new kettle' });
    await call(again, 'lock:configure', { idleMinutes: 5, newPassphrase: null, currentPassphrase: 'a new kettle' });
    await call(again, 'lock:now');
    assert.deepEqual(await call(again, 'lock:unlock', { passphrase: '' }), { locked: false, hasPassphrase: false, idleMinutes: 5 });
  } finally {
    await again.close();
  }
});

test('exporting notes: a file tied to the recording, only when the consent covers supervision or research', async () => {
  const { backend, recording, root } = setup(knownResult);
  try {
    const pending = await call<PendingImport>(backend, 'sessions:import', { filePath: recording });
    const { sessionId } = pending;
    await call(backend, 'sessions:recordConsent', { sessionId, ...consent, purposes: ['self-review'] });
    await analysed(backend, sessionId);
    await call(backend, 'notes:add', { sessionId, authorRole: 'supervisor', authorName: 'Dr. S.', startSec: 1, endSec: 2, markerId: 'm1', text: 'Look here', tag: 'repair', rating: 3 });
    const target = join(root, 'out', 'session.notes.json');
    await assert.rejects(call(backend, 'notes:export', { sessionId, filePath: target }), /covers self-review only/);
    assert.equal(existsSync(target), false);
    await call(backend, 'sessions:recordConsent', { sessionId, ...consent, purposes: ['self-review', 'supervision'] });
    assert.deepEqual(await call(backend, 'notes:export', { sessionId, filePath: target }), { path: target, count: 1 });
    const file = parseNotesFile(readFileSync(target, 'utf8'), target);
    assert.equal(file.recording.sha256, await sha256OfFile(recording));
    const [listed] = await call<Note[]>(backend, 'notes:list', { sessionId });
    const { sessionId: _, ...expected } = listed!;
    assert.deepEqual(file.notes, [expected]);
    assert.equal(file.notice, null, 'no notice-first run yet');
  } finally {
    await backend.close();
  }
});

test('retention: a session is deleted at the first start after its consent period, with a receipt that holds no client data', async () => {
  const { backend, recording, root, key } = setup(knownResult);
  let sessionId: string;
  try {
    const pending = await call<PendingImport>(backend, 'sessions:import', { filePath: recording });
    sessionId = pending.sessionId;
    await call(backend, 'sessions:recordConsent', { sessionId, ...consent, consentedAt: '2026-11-02', retainUntil: '2026-12-10' });
    await analysed(backend, sessionId);
  } finally {
    await backend.close();
  }
  const startAt = async (iso: string) => {
    const again = createAppBackend({ dataDir: join(root, 'profile'), dbKey: key, modelsDir: MODELS_DIR, analyze: knownResult, now: () => new Date(iso) });
    try {
      return { sessions: await call<SessionSummary[]>(again, 'library:list'), receipts: await call<DeletionReceipt[]>(again, 'store:deletionReceipts') };
    } finally {
      await again.close();
    }
  };
  // "Keep until 10 Dec" keeps it through that day.
  assert.equal((await startAt('2026-12-10T23:59:00Z')).sessions.length, 1);
  const after = await startAt('2026-12-11T00:00:01Z');
  assert.deepEqual(after.sessions, []);
  assert.equal(after.receipts.length, 1);
  const [receipt] = after.receipts;
  assert.deepEqual({ ...receipt, removed: undefined }, { sessionId: sessionId!, deletedAt: '2026-12-11T00:00:01.000Z', reason: 'retention', removed: undefined });
  assert.equal(receipt!.removed.markers, 3);
  assert.ok(!JSON.stringify(receipt).includes('01-01-01-01-02-01-05'), 'the receipt does not name the recording');
});

test('withdrawing consent deletes the session and everything derived from it at once, with a receipt', async () => {
  const { backend, recording } = setup(knownResult);
  try {
    const sessionId = await importedWithConsent(backend, recording);
    await analysed(backend, sessionId);
    await call(backend, 'notes:add', { sessionId, authorRole: 'therapist', authorName: 'T.', startSec: 1, endSec: 1, markerId: null, text: 'x', tag: null, rating: null });
    const report = await call<DeletionReport>(backend, 'sessions:withdrawConsent', { sessionId });
    assert.deepEqual(report.removed, { sessions: 1, consentRecords: 1, people: 2, analyses: 1, markers: 3, notes: 1, noticeRuns: 0 });
    assert.deepEqual(await call(backend, 'library:list'), []);
    const [receipt] = await call<DeletionReceipt[]>(backend, 'store:deletionReceipts');
    assert.equal(receipt?.reason, 'withdrawn');
    assert.equal(receipt?.sessionId, sessionId);
  } finally {
    await backend.close();
  }
});

test('the audit log records who imported, consented, opened, set roles, wrote notes, exported and deleted — with no client content', async () => {
  const { backend, recording, root } = setup(knownResult);
  try {
    const sessionId = await importedWithConsent(backend, recording);
    await analysed(backend, sessionId);
    await call(backend, 'sessions:get', { sessionId });
    await call(backend, 'people:assignRole', { sessionId, personId: 'p1', role: 'client' });
    const note = await call<Note>(backend, 'notes:add', { sessionId, authorRole: 'therapist', authorName: 'T. Lind', startSec: 1, endSec: 1, markerId: null, text: 'She mentioned her brother Karl', tag: null, rating: 3 });
    await call(backend, 'notes:export', { sessionId, filePath: join(root, 'n.json') });
    await call(backend, 'sessions:delete', { sessionId });
    const log = await call<AuditLogView>(backend, 'store:auditLog');
    assert.equal(log.brokenAt, null);
    assert.deepEqual(
      log.entries.map((e) => [e.action, e.sessionId]),
      [['import', sessionId], ['consent', sessionId], ['analyse', sessionId], ['open', sessionId], ['role', sessionId], ['note-add', sessionId], ['export-notes', sessionId], ['delete:user', sessionId]],
    );
    assert.deepEqual(log.entries.find((e) => e.action === 'note-add')?.detail, { noteId: note.id, rating: '3' });
    const text = JSON.stringify(log);
    for (const secret of ['Karl', 'T. Lind', 'Client Z', '01-01-01-01-02-01-05', root]) assert.ok(!text.includes(secret), `no "${secret}" in the log`);
  } finally {
    await backend.close();
  }
});
