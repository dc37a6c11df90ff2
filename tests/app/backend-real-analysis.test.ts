import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterAll, test } from 'vitest';
import type { JobView, PendingImport, SessionDetail } from '../../lib/ipc/contract.ts';
import { createAppBackend } from '../../main/app/backend.ts';
import { analyzeFile } from '../../main/pipeline/analyze.ts';
import { MODELS_DIR, scratch } from '../helpers/paths.ts';
import { copyRecording, ok, testKey } from './fixtures.ts';

const scratchDir = scratch('backend-real');
afterAll(() => scratchDir.remove());

test('the backend runs the real pipeline on a real recording and stores its analysis', { timeout: 240_000 }, async () => {
  const recording = copyRecording(join(scratchDir.dir, 'Recordings'), '01-01-03-01-01-02-05.mp4');
  const backend = createAppBackend({ dataDir: join(scratchDir.dir, 'profile'), dbKey: testKey(), modelsDir: MODELS_DIR, analyze: analyzeFile });
  try {
    const { sessionId } = await ok<PendingImport>(backend.invoke('sessions:import', { filePath: recording }));
    await ok(backend.invoke('sessions:recordConsent', { sessionId, consentedBy: 'Actor 05', consentedAt: '2026-11-02', purposes: ['research'], retainUntil: '2027-11-02' }));
    const stages = new Set<string>();
    const finished = new Promise<JobView>((resolve) => {
      backend.subscribe('jobs:progress', (job) => {
        if (job.progress) stages.add(job.progress.stage);
        if (job.state !== 'queued' && job.state !== 'running') resolve(job);
      });
    });
    await ok(backend.invoke('sessions:startAnalysis', { sessionId }));
    const job = await finished;
    assert.equal(job.state, 'done', job.error ?? '');
    assert.ok(stages.has('vision'), `progress reported per stage: ${[...stages].join(', ')}`);

    const detail = await ok<SessionDetail>(backend.invoke('sessions:get', { sessionId }));
    assert.equal(detail.status, 'analysed');
    assert.equal(detail.analysis?.source.file, '01-01-03-01-01-02-05.mp4');
    assert.ok((detail.analysis?.tracks.face.length ?? 0) >= 1, 'the face was tracked');
    assert.ok(detail.people.length >= 1);
    const thumbnail = await ok<string | null>(backend.invoke('people:thumbnail', { sessionId, personId: detail.people[0]!.id }));
    assert.match(thumbnail ?? '', /^data:image\/jpeg;base64,/);
  } finally {
    await backend.close();
  }
});
