/**
 * Analyses in progress and waiting in the queue. Analysis runs in the background: the therapist can
 * go back to the Sessions list at any time, and come here to follow or cancel a job.
 */
import { useState } from 'react';
import type { PipelineStage } from '../../lib/pipeline/progress.ts';
import { errorMessage, useApi } from '../app/api-context.ts';
import { etaWords, JOB_STATE_WORDS, ordinal, percent, STAGE_WORDS } from '../app/format.ts';
import { orderedJobs, type JobsState, type TrackedJob } from '../state/jobs.ts';
import type { Navigate } from '../state/navigation.ts';

const STAGE_ORDER: PipelineStage[] = ['probe', 'hash', 'vision', 'audio', 'fusion', 'write'];

export function ProgressScreen({ jobs, navigate }: { jobs: JobsState; navigate: Navigate }) {
  const list = orderedJobs(jobs);
  return (
    <section aria-labelledby="progress-title" className="narrow">
      <div className="screen-head">
        <h1 id="progress-title" tabIndex={-1}>
          Analyses
        </h1>
        <button type="button" onClick={() => navigate({ screen: 'library' })}>
          Back to sessions
        </button>
      </div>
      <p className="hint">Analysis runs in the background on this computer. You can keep using Attune meanwhile; several recordings wait their turn.</p>
      {list.length === 0 && <p className="empty">Nothing is being analysed right now.</p>}
      <ul className="jobs">
        {list.map((job) => (
          <JobCard key={job.view.jobId} job={job} navigate={navigate} />
        ))}
      </ul>
    </section>
  );
}

function JobCard({ job, navigate }: { job: TrackedJob; navigate: Navigate }) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const { view } = job;
  const titleId = `job-${view.jobId}`;
  const stages = STAGE_ORDER.filter((stage) => job.stages[stage] !== undefined);

  const cancel = async () => {
    setCancelling(true);
    try {
      await api.jobs.cancel({ jobId: view.jobId });
    } catch (e) {
      setError(errorMessage(e));
      setCancelling(false);
    }
  };

  return (
    <li className={`card job job-${view.state}`} aria-labelledby={titleId} data-job-id={view.jobId}>
      <div className="job-head">
        <h2 id={titleId} className="file-name">
          {view.fileName}
        </h2>
        <span className={`status job-state-${view.state}`}>
          {JOB_STATE_WORDS[view.state]}
          {view.state === 'queued' && view.queuePosition !== null && ` — ${ordinal(view.queuePosition)} in line`}
        </span>
      </div>
      {view.state === 'running' && view.progress && (
        <>
          <div className="bar-row overall">
            <label htmlFor={`${titleId}-overall`}>Overall</label>
            <progress id={`${titleId}-overall`} max={1} value={view.progress.overall} />
            <span>{percent(view.progress.overall)}</span>
          </div>
          {stages.map((stage) => (
            <div className="bar-row" key={stage}>
              <label htmlFor={`${titleId}-${stage}`}>{STAGE_WORDS[stage]}</label>
              <progress id={`${titleId}-${stage}`} max={1} value={job.stages[stage]} />
              <span>{percent(job.stages[stage] ?? 0)}</span>
            </div>
          ))}
          <p className="eta" aria-live="polite">
            {etaWords(view.progress.etaSec)}
          </p>
        </>
      )}
      {view.state === 'running' && !view.progress && <p>Starting…</p>}
      {view.state === 'failed' && view.error && <p className="error">{view.error}</p>}
      {view.state === 'cancelled' && <p>Stopped. You can analyse it again from the Sessions list.</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="job-actions">
        {(view.state === 'running' || view.state === 'queued') && (
          <button type="button" onClick={() => void cancel()} disabled={cancelling} aria-describedby={titleId}>
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
        {view.state === 'done' && (
          <>
            <button type="button" className="primary" onClick={() => navigate({ screen: 'roles', sessionId: view.sessionId })}>
              Next: who is who
            </button>
            <button type="button" onClick={() => navigate({ screen: 'review', sessionId: view.sessionId })}>
              Open review
            </button>
          </>
        )}
      </div>
    </li>
  );
}
