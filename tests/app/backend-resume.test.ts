/**
 * The app resumes an analysis after a crash: the backend runs the real pipeline in a child process that
 * kills itself (SIGKILL, ATTUNE_CRASH_AT) while analysing faces; the next backend started on the same
 * library re-queues the session and carries on from the progress saved in the encrypted store. The
 * stored analysis must be the one a run straight through stores. The first 40 s of the gallery recording,
 * 15-s segments.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, test } from 'vitest';
import type { Analysis } from '../../lib/analysis/types.ts';
import type { JobView, PendingImport, SessionDetail } from '../../lib/ipc/contract.ts';
import { createAppBackend, type AppBackend } from '../../main/app/backend.ts';
import { analyzeFile } from '../../main/pipeline/analyze.ts';
import { SessionStore } from '../../main/store/session-store.ts';
import { ffmpeg } from '../helpers/ffmpeg.ts';
import { makeGallerySession } from '../helpers/gallery-session.ts';
import { MODELS_DIR, REPO, scratch } from '../helpers/paths.ts';
import { ok, plaintextIn, testKey } from './fixtures.ts';

const work = scratch('backend-resume');
const recording = join(work.dir, 'gallery-40s.mp4');
const CONSENT = { consentedBy: 'Client', consentedAt: '2026-12-01', purposes: ['self-review'], retainUntil: '2027-12-01' };
const before = process.env.ATTUNE_VISION_SEGMENT_SEC;

beforeAll(() => {
  const whole = join(work.dir, 'gallery.mp4');
  makeGallerySession(whole);
  ffmpeg('-i', whole, '-t', '40', '-c', 'copy', recording);
  process.env.ATTUNE_VISION_SEGMENT_SEC = '15';
});
afterAll(() => {
  if (before === undefined) delete process.env.ATTUNE_VISION_SEGMENT_SEC;
  else process.env.ATTUNE_VISION_SEGMENT_SEC = before;
  work.remove();
});

const backendOn = (profile: string, key: Buffer): AppBackend => createAppBackend({ dataDir: profile, dbKey: key, modelsDir: MODELS_DIR, analyze: analyzeFile });

function finished(backend: AppBackend, sessionId: string): Promise<JobView> {
  return new Promise((resolve) =>
    backend.subscribe('jobs:progress', (job) => job.sessionId === sessionId && job.state !== 'queued' && job.state !== 'running' && resolve(job)),
  );
}

/** The stored analysis without the one field that may differ between runs. */
async function storedAnalysis(backend: AppBackend, sessionId: string): Promise<string> {
  const detail = await ok<SessionDetail>(backend.invoke('sessions:get', { sessionId }));
  assert.equal(detail.status, 'analysed');
  const analysis = structuredClone(detail.analysis) as Analysis;
  analysis.analysis.createdAt = '';
  return JSON.stringify(analysis);
}

/** Checkpoint names saved for the library's one session so far. */
async function savedNames(profile: string, key: Buffer): Promise<{ sessionId: string; names: string[] }> {
  const store = SessionStore.open(join(profile, 'sessions.db'), key);
  try {
    const [session] = store.sessions.list();
    assert.ok(session);
    const checkpoints = store.checkpoints.of(session.id);
    const names: string[] = [];
    for (const name of ['run', 'audio', 'vision-0000', 'vision-0001', 'vision-0002']) if (await checkpoints.read(name)) names.push(name);
    return { sessionId: session.id, names };
  } finally {
    store.close();
  }
}

test('an analysis killed mid-way, three times over, carries on at each start from its saved progress, with the same result', { timeout: 600_000 }, async () => {
  const key = testKey();
  const profile = join(work.dir, 'crashed');
  // The first start imports the recording, records consent and starts the analysis; later starts re-queue it themselves.
  const script = `
    import { createAppBackend } from ${JSON.stringify(join(REPO, 'main/app/backend.ts'))};
    import { analyzeFile } from ${JSON.stringify(join(REPO, 'main/pipeline/analyze.ts'))};
    const backend = createAppBackend({ dataDir: ${JSON.stringify(profile)}, dbKey: Buffer.from(${JSON.stringify(key.toString('hex'))}, 'hex'), modelsDir: ${JSON.stringify(MODELS_DIR)}, analyze: analyzeFile });
    backend.subscribe('jobs:progress', (job) => {
      if (job.state !== 'queued' && job.state !== 'running') {
        console.error('the analysis ended without the crash:', JSON.stringify(job));
        process.exit(0);
      }
    });
    const listed = await backend.invoke('library:list', undefined);
    if (listed.value.length === 0) {
      const imported = await backend.invoke('sessions:import', { filePath: ${JSON.stringify(recording)} });
      await backend.invoke('sessions:recordConsent', { sessionId: imported.value.sessionId, ...${JSON.stringify(CONSENT)} });
      const started = await backend.invoke('sessions:startAnalysis', { sessionId: imported.value.sessionId });
      if (!started.ok) console.error(JSON.stringify(started));
    }`;
  // A file, not --eval: the backend's worker threads inherit the process's flags, and --input-type fails them.
  const scriptFile = join(work.dir, 'crashing-backend.mts');
  writeFileSync(scriptFile, script);
  const crashAt = (point: string): void => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', scriptFile], { cwd: REPO, encoding: 'utf8', env: { ...process.env, ATTUNE_CRASH_AT: point }, timeout: 300_000 });
    assert.equal(child.signal, 'SIGKILL', child.stderr);
  };

  crashAt('voice');
  assert.deepEqual((await savedNames(profile, key)).names.slice(0, 2), ['run', 'audio'], 'the voice was saved before the first crash');
  crashAt('faces');
  assert.deepEqual((await savedNames(profile, key)).names, ['run', 'audio', 'vision-0000'], 'the first 15 s of faces were saved before the second');
  crashAt('fusion');
  const { sessionId, names } = await savedNames(profile, key);
  assert.deepEqual(names, ['run', 'audio', 'vision-0000', 'vision-0001', 'vision-0002'], 'all of the vision was saved before the third');
  assert.deepEqual(plaintextIn(profile, 'blendshapes'), [], 'the saved progress is encrypted');

  const restarted = backendOn(profile, key);
  let resumed: string;
  try {
    const done = finished(restarted, sessionId);
    assert.equal((await done).state, 'done');
    resumed = await storedAnalysis(restarted, sessionId);
  } finally {
    await restarted.close();
  }
  const after = SessionStore.open(join(profile, 'sessions.db'), key);
  assert.equal(await after.checkpoints.of(sessionId).read('run'), null, 'the saved progress goes once the analysis is stored');
  after.close();

  const straight = backendOn(join(work.dir, 'straight'), key);
  try {
    const { sessionId: id } = await ok<PendingImport>(straight.invoke('sessions:import', { filePath: recording }));
    await ok(straight.invoke('sessions:recordConsent', { sessionId: id, ...CONSENT }));
    const done = finished(straight, id);
    await ok(straight.invoke('sessions:startAnalysis', { sessionId: id }));
    assert.equal((await done).state, 'done');
    assert.equal(resumed, await storedAnalysis(straight, id), 'the same analysis as a run straight through');
  } finally {
    await straight.close();
  }
});
