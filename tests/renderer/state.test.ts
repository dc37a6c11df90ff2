import assert from 'node:assert/strict';
import { test } from 'vitest';
import type { DeletionReport, JobView, SessionSummary } from '../../lib/ipc/contract.ts';
import type { BackupInfo } from '../../lib/ipc/store-channels.ts';
import { backupsReducer, initialBackups, restorable } from '../../renderer/state/backups.ts';
import { activeJobCount, jobsReducer, orderedJobs, type JobsState } from '../../renderer/state/jobs.ts';
import { initialLibrary, libraryReducer } from '../../renderer/state/library.ts';
import { initialReview, reviewReducer } from '../../renderer/state/review.ts';

function job(jobId: string, state: JobView['state'], extra: Partial<JobView> = {}): JobView {
  return { jobId, sessionId: `s-${jobId}`, fileName: `${jobId}.mp4`, state, queuePosition: null, progress: null, error: null, ...extra };
}

test('per-stage progress is kept while vision and audio events interleave', () => {
  let state: JobsState = new Map();
  const running = (stage: 'vision' | 'audio', fraction: number) =>
    job('a', 'running', { progress: { stage, fraction, overall: 0.3, etaSec: 40 } });
  state = jobsReducer(state, { type: 'progress', job: running('vision', 0.2) });
  state = jobsReducer(state, { type: 'progress', job: running('audio', 0.6) });
  state = jobsReducer(state, { type: 'progress', job: running('vision', 0.4) });
  assert.deepEqual(state.get('a')!.stages, { vision: 0.4, audio: 0.6 });
});

test('a stale listing does not overwrite newer progress, and the queue is shown in order', () => {
  let state: JobsState = new Map();
  state = jobsReducer(state, { type: 'progress', job: job('a', 'done') });
  state = jobsReducer(state, {
    type: 'listed',
    jobs: [job('a', 'running'), job('c', 'queued', { queuePosition: 2 }), job('b', 'queued', { queuePosition: 1 }), job('d', 'running')],
  });
  assert.equal(state.get('a')!.view.state, 'done');
  assert.deepEqual(orderedJobs(state).map((j) => j.view.jobId), ['d', 'b', 'c', 'a']);
  assert.equal(activeJobCount(state), 3);
});

test('deleting asks first, then removes the session and keeps the report to show', () => {
  const session = { id: 's1', fileName: 'a.mp4' } as SessionSummary;
  const report = { sessionId: 's1', fileName: 'a.mp4' } as DeletionReport;
  let state = libraryReducer(initialLibrary, { type: 'listed', sessions: [session] });
  state = libraryReducer(state, { type: 'askDelete', session });
  assert.equal(state.confirming, session);
  state = libraryReducer(state, { type: 'deleting' });
  state = libraryReducer(state, { type: 'deleted', report });
  assert.deepEqual(state.sessions, []);
  assert.equal(state.confirming, null);
  assert.equal(state.lastDeletion, report);
});

test('playback time moves the playhead and pages the zoomed view along', () => {
  let state = initialReview(600);
  state = reviewReducer(state, { type: 'zoom', factor: 8 });
  assert.deepEqual(state.view, { startSec: 0, endSec: 75 });
  state = reviewReducer(state, { type: 'time', tSec: 80 });
  assert.equal(state.playheadSec, 80);
  assert.ok(state.view.startSec <= 80 && 80 <= state.view.endSec);
  state = reviewReducer(state, { type: 'time', tSec: 9999 });
  assert.equal(state.playheadSec, 600);
});

test('panning moves the window but stays inside the session', () => {
  let state = reviewReducer(initialReview(100), { type: 'zoom', factor: 4 });
  state = reviewReducer(state, { type: 'pan', fraction: 0.5 });
  assert.deepEqual(state.view, { startSec: 12.5, endSec: 37.5 });
  state = reviewReducer(state, { type: 'pan', fraction: -5 });
  assert.equal(state.view.startSec, 0);
});

test('restoring a backup asks first; a refusal clears the question and keeps the message', () => {
  const backup: BackupInfo = { id: '2026-12-04T20-46-25-123Z', createdAt: '2026-12-04T20:46:25.123Z', sessionCount: 2, sizeBytes: 8192, pinned: false };
  let state = backupsReducer(initialBackups, { type: 'listed', backups: [backup, { ...backup, id: 'b', sessionCount: null }] });
  assert.deepEqual(state.backups?.map(restorable), [true, false], 'a backup that cannot be read cannot be restored');
  state = backupsReducer(state, { type: 'askRestore', backup });
  assert.equal(state.confirming, backup);
  state = backupsReducer(state, { type: 'restoring' });
  state = backupsReducer(state, { type: 'failed', message: 'That backup could not be read either, so nothing was changed.' });
  assert.deepEqual({ confirming: state.confirming, restoring: state.restoring }, { confirming: null, restoring: false });
  assert.match(state.error ?? '', /nothing was changed/);
  state = backupsReducer(backupsReducer(state, { type: 'askRestore', backup }), { type: 'restored' });
  assert.deepEqual({ confirming: state.confirming, restoring: state.restoring, error: state.error }, { confirming: null, restoring: false, error: null });
});
