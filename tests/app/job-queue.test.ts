import assert from 'node:assert/strict';
import { test } from 'vitest';
import type { JobView } from '../../lib/ipc/contract.ts';
import { JobQueue, type JobContext } from '../../main/app/job-queue.ts';

/** A run whose completion the test controls, recording what the queue asked of it. */
function controlledRuns() {
  const started: string[] = [];
  const gates = new Map<string, { finish(): void; fail(error: Error): void; context: JobContext }>();
  const run = (job: { sessionId: string }, context: JobContext): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      started.push(job.sessionId);
      context.signal.addEventListener('abort', () => reject(context.signal.reason), { once: true });
      gates.set(job.sessionId, { finish: resolve, fail: reject, context });
    });
  return { started, gates, run };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function record(queue: JobQueue): JobView[] {
  const events: JobView[] = [];
  queue.subscribe((job) => events.push(job));
  return events;
}

test('jobs run one at a time, in the order they were queued, with queue positions', async () => {
  const { started, gates, run } = controlledRuns();
  const queue = new JobQueue(run, String);
  const events = record(queue);
  const a = queue.enqueue('A', 'a.mp4');
  const b = queue.enqueue('B', 'b.mp4');
  const c = queue.enqueue('C', 'c.mp4');
  await tick();
  assert.deepEqual(started, ['A']);
  assert.deepEqual(queue.list().map((j) => [j.sessionId, j.state, j.queuePosition]), [['A', 'running', null], ['B', 'queued', 1], ['C', 'queued', 2]]);
  assert.equal(queue.enqueue('B', 'b.mp4').jobId, b.jobId, 'queuing a queued session again returns its job');

  gates.get('A')!.finish();
  await tick();
  assert.deepEqual(started, ['A', 'B']);
  gates.get('B')!.finish();
  await tick();
  gates.get('C')!.finish();
  await queue.idle();
  assert.deepEqual(started, ['A', 'B', 'C']);
  const finals = events.filter((e) => e.state === 'done').map((e) => e.jobId);
  assert.deepEqual(finals, [a.jobId, b.jobId, c.jobId]);
  assert.deepEqual(queue.list(), []);
});

test('progress is published for the running job with stage, fraction and ETA', async () => {
  const { gates, run } = controlledRuns();
  const queue = new JobQueue(run, String);
  const events = record(queue);
  queue.enqueue('A', 'a.mp4');
  await tick();
  gates.get('A')!.context.onProgress({ stage: 'vision', fraction: 0.5, overall: 0.4, etaSec: 90 });
  assert.deepEqual(events.at(-1)?.progress, { stage: 'vision', fraction: 0.5, overall: 0.4, etaSec: 90 });
  assert.equal(queue.list()[0]?.progress?.etaSec, 90);
  gates.get('A')!.finish();
  await queue.idle();
});

test('a queued job is cancelled without running; a running one is aborted through its signal', async () => {
  const { started, gates, run } = controlledRuns();
  const queue = new JobQueue(run, String);
  const events = record(queue);
  const a = queue.enqueue('A', 'a.mp4');
  const b = queue.enqueue('B', 'b.mp4');
  const c = queue.enqueue('C', 'c.mp4');
  await tick();
  assert.equal(queue.cancel(b.jobId), true);
  assert.equal(queue.list().find((j) => j.sessionId === 'C')?.queuePosition, 1, 'the queue closes up');
  const signal = gates.get('A')!.context.signal;
  assert.equal(queue.cancel(a.jobId), true);
  assert.equal(signal.aborted, true);
  await tick();
  assert.deepEqual(started, ['A', 'C'], 'B never ran; C runs after A stopped');
  gates.get('C')!.finish();
  await queue.idle();
  const stateOf = (id: string): string | undefined => events.filter((e) => e.jobId === id).at(-1)?.state;
  assert.deepEqual([stateOf(a.jobId), stateOf(b.jobId), stateOf(c.jobId)], ['cancelled', 'cancelled', 'done']);
  assert.equal(queue.cancel(a.jobId), false, 'a finished job cannot be cancelled again');
});

test('a failed job carries a clinician-facing message and the next job still runs', async () => {
  const { started, gates, run } = controlledRuns();
  const queue = new JobQueue(run, (error) => `Could not analyse: ${(error as Error).message}`);
  const events = record(queue);
  const a = queue.enqueue('A', 'a.mp4');
  queue.enqueue('B', 'b.mp4');
  await tick();
  gates.get('A')!.fail(new Error('the recording is damaged near 12.0 s'));
  await tick();
  assert.deepEqual(started, ['A', 'B']);
  const failed = events.filter((e) => e.jobId === a.jobId).at(-1);
  assert.equal(failed?.state, 'failed');
  assert.equal(failed?.error, 'Could not analyse: the recording is damaged near 12.0 s');
  gates.get('B')!.finish();
  await queue.idle();
  const again = queue.enqueue('A', 'a.mp4');
  assert.notEqual(again.jobId, a.jobId, 'the failed session can be queued again');
  await tick();
  gates.get('A')!.finish();
  await queue.idle();
});

test('close cancels everything and waits for the running job to stop', async () => {
  const { gates, run } = controlledRuns();
  const queue = new JobQueue(run, String);
  queue.enqueue('A', 'a.mp4');
  queue.enqueue('B', 'b.mp4');
  await tick();
  await queue.close();
  assert.equal(gates.get('A')!.context.signal.aborted, true);
  assert.equal(gates.has('B'), false);
  assert.deepEqual(queue.list(), []);
});

test('unsubscribing stops the events', async () => {
  const { gates, run } = controlledRuns();
  const queue = new JobQueue(run, String);
  const seen: JobView[] = [];
  const unsubscribe = queue.subscribe((job) => seen.push(job));
  queue.enqueue('A', 'a.mp4');
  await tick();
  const count = seen.length;
  unsubscribe();
  gates.get('A')!.finish();
  await queue.idle();
  assert.equal(seen.length, count);
});
