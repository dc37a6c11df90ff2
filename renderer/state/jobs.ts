/**
 * Analysis jobs as the renderer knows them: the last JobView main reported for each, plus the
 * furthest each stage has got. Vision and audio run side by side and their progress events
 * interleave, so per-stage progress has to be accumulated here to show both bars steadily.
 */
import type { JobView } from '../../lib/ipc/contract.ts';
import type { PipelineStage } from '../../lib/pipeline/progress.ts';

export interface TrackedJob {
  readonly view: JobView;
  /** 0..1 per stage seen so far. */
  readonly stages: Readonly<Partial<Record<PipelineStage, number>>>;
}

export type JobsState = ReadonlyMap<string, TrackedJob>;

export type JobsAction = { type: 'listed'; jobs: readonly JobView[] } | { type: 'progress'; job: JobView };

function track(previous: TrackedJob | undefined, view: JobView): TrackedJob {
  const stages = { ...previous?.stages };
  const p = view.progress;
  if (p) stages[p.stage] = Math.max(stages[p.stage] ?? 0, p.fraction);
  return { view, stages };
}

export function jobsReducer(state: JobsState, action: JobsAction): JobsState {
  const next = new Map(state);
  if (action.type === 'listed') {
    // A listing can be older than a progress event that raced it: keep what is already known.
    for (const job of action.jobs) if (!next.has(job.jobId)) next.set(job.jobId, track(undefined, job));
  } else {
    next.set(action.job.jobId, track(next.get(action.job.jobId), action.job));
  }
  return next;
}

const ORDER: Record<JobView['state'], number> = { running: 0, queued: 1, failed: 2, cancelled: 3, done: 4 };

/** Running first, then the queue in order, then finished ones. */
export function orderedJobs(state: JobsState): TrackedJob[] {
  return [...state.values()].sort(
    (a, b) =>
      ORDER[a.view.state] - ORDER[b.view.state] ||
      (a.view.queuePosition ?? 0) - (b.view.queuePosition ?? 0),
  );
}

export function activeJobCount(state: JobsState): number {
  let n = 0;
  for (const job of state.values()) if (job.view.state === 'running' || job.view.state === 'queued') n++;
  return n;
}
