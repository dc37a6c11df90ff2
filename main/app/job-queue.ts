/**
 * The analysis queue: sessions wait in order and one analysis runs at a time (an analysis already keeps
 * both cores busy; two would only make each slower). Every change is published as a `JobView`.
 */
import { randomUUID } from 'node:crypto';
import type { JobView } from '../../lib/ipc/contract.ts';
import type { PipelineProgress } from '../../lib/pipeline/progress.ts';

export interface JobContext {
  signal: AbortSignal;
  onProgress(progress: PipelineProgress): void;
}

export type RunJob = (job: { jobId: string; sessionId: string }, context: JobContext) => Promise<void>;

interface Job {
  view: JobView;
  controller: AbortController;
}

export class JobQueue {
  private readonly waiting: Job[] = [];
  private running: Job | null = null;
  private drained: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(job: JobView) => void>();

  constructor(
    private readonly run: RunJob,
    /** Turns whatever a run threw into one line a clinician can act on. */
    private readonly describeFailure: (error: unknown) => string,
  ) {}

  /** Queues an analysis of the session; if one is already queued or running, that job is returned. */
  enqueue(sessionId: string, fileName: string): JobView {
    const existing = this.activeFor(sessionId);
    if (existing) return existing;
    const job: Job = {
      view: { jobId: randomUUID(), sessionId, fileName, state: 'queued', queuePosition: null, progress: null, error: null },
      controller: new AbortController(),
    };
    this.waiting.push(job);
    this.publishQueue();
    if (!this.running) this.drained = this.drain();
    return { ...job.view };
  }

  /** Cancels a queued or running job. A running one stops when its analysis honours the abort. */
  cancel(jobId: string): boolean {
    const index = this.waiting.findIndex((job) => job.view.jobId === jobId);
    if (index >= 0) {
      const [job] = this.waiting.splice(index, 1);
      this.finish(job!, 'cancelled', null);
      this.publishQueue();
      return true;
    }
    if (this.running?.view.jobId === jobId && !this.running.controller.signal.aborted) {
      this.running.controller.abort(new DOMException('The analysis was cancelled.', 'AbortError'));
      return true;
    }
    return false;
  }

  activeFor(sessionId: string): JobView | null {
    const job = [this.running, ...this.waiting].find((candidate) => candidate?.view.sessionId === sessionId);
    return job ? { ...job.view } : null;
  }

  /** The running job first, then the waiting ones in order. */
  list(): JobView[] {
    return [this.running, ...this.waiting].filter((job): job is Job => job !== null).map((job) => ({ ...job.view }));
  }

  subscribe(listener: (job: JobView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once nothing is queued or running. */
  idle(): Promise<void> {
    return this.drained;
  }

  /** Cancels everything and waits for the running analysis to stop. */
  async close(): Promise<void> {
    for (const job of [...this.waiting].reverse()) this.cancel(job.view.jobId);
    if (this.running) this.cancel(this.running.view.jobId);
    await this.drained;
  }

  private async drain(): Promise<void> {
    for (let job = this.waiting.shift(); job; job = this.waiting.shift()) {
      this.running = job;
      job.view.state = 'running';
      job.view.queuePosition = null;
      this.publish(job);
      this.publishQueue();
      const { signal } = job.controller;
      try {
        await this.run(
          { jobId: job.view.jobId, sessionId: job.view.sessionId },
          {
            signal,
            onProgress: (progress) => {
              if (signal.aborted) return;
              job.view.progress = progress;
              this.publish(job);
            },
          },
        );
        // A run that resolved saved its result, even if a cancel arrived too late to stop it.
        this.finish(job, 'done', null);
      } catch (error) {
        if (signal.aborted) this.finish(job, 'cancelled', null);
        else this.finish(job, 'failed', this.describeFailure(error));
      } finally {
        this.running = null;
      }
    }
  }

  private finish(job: Job, state: 'done' | 'failed' | 'cancelled', error: string | null): void {
    job.view.state = state;
    job.view.error = error;
    job.view.queuePosition = null;
    this.publish(job);
  }

  private publishQueue(): void {
    this.waiting.forEach((job, index) => {
      if (job.view.queuePosition === index + 1) return;
      job.view.queuePosition = index + 1;
      this.publish(job);
    });
  }

  private publish(job: Job): void {
    const view = { ...job.view };
    for (const listener of this.listeners) listener(view);
  }
}
