/** Every session on this computer, with what can be done next for each, and deletion with a receipt. */
import { useEffect, useReducer } from 'react';
import type { SessionSummary } from '../../lib/ipc/contract.ts';
import { errorMessage, useApi } from '../app/api-context.ts';
import { dateWords, dayWords, durationWords, percent, STATUS_WORDS } from '../app/format.ts';
import { upcomingDeletions } from '../../lib/consent/retention.ts';
import { localDay } from '../state/consent-form.ts';
import type { JobsState } from '../state/jobs.ts';
import { initialLibrary, libraryReducer, sortedSessions } from '../state/library.ts';
import type { Navigate } from '../state/navigation.ts';
import { DeleteDialog } from './DeleteDialog.tsx';
import { DeletionReceipt } from './DeletionReceipt.tsx';
import { NoticeHistory } from './NoticeHistory.tsx';
import { OpenPackage } from './OpenPackage.tsx';

interface Props {
  jobs: JobsState;
  navigate: Navigate;
}

/** Changes whenever a job starts or finishes, so the list reloads then (not on every progress tick). */
function jobStatesKey(jobs: JobsState): string {
  return [...jobs.values()].map((j) => `${j.view.sessionId}:${j.view.state}`).join(',');
}

export function LibraryScreen({ jobs, navigate }: Props) {
  const api = useApi();
  const [state, dispatch] = useReducer(libraryReducer, initialLibrary);
  const jobsKey = jobStatesKey(jobs);

  useEffect(() => {
    let live = true;
    api.library
      .list()
      .then((sessions) => live && dispatch({ type: 'listed', sessions }))
      .catch((error: unknown) => live && dispatch({ type: 'failed', message: errorMessage(error) }));
    return () => {
      live = false;
    };
  }, [api, jobsKey]);

  const confirmDelete = async (session: SessionSummary, withdrawn: boolean) => {
    dispatch({ type: 'deleting' });
    try {
      const sessionId = session.id;
      dispatch({ type: 'deleted', report: await (withdrawn ? api.sessions.withdrawConsent({ sessionId }) : api.sessions.delete({ sessionId })) });
    } catch (error) {
      dispatch({ type: 'failed', message: errorMessage(error) });
    }
  };

  const startAnalysis = async (session: SessionSummary) => {
    try {
      await api.sessions.startAnalysis({ sessionId: session.id });
      navigate({ screen: 'progress' });
    } catch (error) {
      dispatch({ type: 'failed', message: errorMessage(error) });
    }
  };

  const progressOf = (session: SessionSummary): string | null => {
    for (const job of jobs.values()) {
      if (job.view.sessionId === session.id && job.view.state === 'running' && job.view.progress) {
        return percent(job.view.progress.overall);
      }
    }
    return null;
  };

  return (
    <section aria-labelledby="library-title">
      <div className="screen-head">
        <h1 id="library-title" tabIndex={-1}>
          Sessions
        </h1>
        <button type="button" className="primary" onClick={() => navigate({ screen: 'import' })}>
          Import a recording…
        </button>
        <OpenPackage navigate={navigate} />
      </div>
      {state.lastDeletion && <DeletionReceipt report={state.lastDeletion} onDismiss={() => dispatch({ type: 'dismissReport' })} />}
      {state.error && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
      {state.sessions && <RetentionWarning sessions={state.sessions} />}
      {state.sessions === null && !state.error && <p aria-live="polite">Loading sessions…</p>}
      {state.sessions?.length === 0 && (
        <p className="empty">No sessions yet. Import a recording to begin — it stays where it is on your computer.</p>
      )}
      {state.sessions && state.sessions.length > 0 && (
        <table className="sessions">
          <caption className="visually-hidden">Your sessions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Recording</th>
              <th scope="col">Imported</th>
              <th scope="col">Length</th>
              <th scope="col">Status</th>
              <th scope="col">Markers</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sortedSessions(state.sessions).map((session) => (
              <SessionRow
                key={session.id}
                session={session}
                progress={progressOf(session)}
                navigate={navigate}
                onStart={() => void startAnalysis(session)}
                onDelete={() => dispatch({ type: 'askDelete', session })}
              />
            ))}
          </tbody>
        </table>
      )}
      <NoticeHistory reloadKey={`${jobsKey}|${state.sessions?.length ?? 0}`} />
      {state.confirming && (
        <DeleteDialog
          session={state.confirming}
          busy={state.deleting}
          onConfirm={(withdrawn) => void confirmDelete(state.confirming!, withdrawn)}
          onCancel={() => dispatch({ type: 'cancelDelete' })}
        />
      )}
    </section>
  );
}

interface RowProps {
  session: SessionSummary;
  progress: string | null;
  navigate: Navigate;
  onStart: () => void;
  onDelete: () => void;
}

function SessionRow({ session, progress, navigate, onStart, onDelete }: RowProps) {
  const { id, status } = session;
  return (
    <tr data-session-id={id}>
      <th scope="row" className="file-name">
        {session.fileName}
      </th>
      <td>{session.fromPackage ? `Received in a package, ${dateWords(session.createdAt)}` : dateWords(session.createdAt)}</td>
      <td>{durationWords(session.durationSec)}</td>
      <td>
        <span className={`status status-${status}`}>{STATUS_WORDS[status]}</span>
        {progress && <span className="status-detail"> · {progress}</span>}
        {['failed', 'queued', 'analysing'].includes(status) && session.lastError && <span className="status-detail"> — {session.lastError}</span>}
        {session.consent && session.consent.retainUntil < localDay(new Date()) && (
          <span className="overdue"> Consent allowed keeping it until {dayWords(session.consent.retainUntil)}; Attune deletes it within the hour.</span>
        )}
      </td>
      <td>{status === 'analysed' ? session.markerCount : '—'}</td>
      <td className="actions-cell">
        <div className="actions">
        {status === 'awaiting-consent' && (
          <button type="button" onClick={() => navigate({ screen: 'import', sessionId: id })}>
            Record consent
          </button>
        )}
        {(status === 'ready' || status === 'failed') && (
          <button type="button" onClick={onStart}>
            Analyse
          </button>
        )}
        {(status === 'queued' || status === 'analysing') && (
          <button type="button" onClick={() => navigate({ screen: 'progress' })}>
            See progress
          </button>
        )}
        {status === 'analysed' && (
          <>
            <button type="button" className="primary" onClick={() => navigate({ screen: 'review', sessionId: id })}>
              Review
            </button>
            <button type="button" onClick={() => navigate({ screen: 'roles', sessionId: id })}>
              Who is who
            </button>
          </>
        )}
        <button type="button" className="danger" aria-label={`Delete ${session.fileName}`} onClick={onDelete}>
          Delete…
        </button>
        </div>
      </td>
    </tr>
  );
}

/** "2 sessions will be deleted on 11 Dec 2026, when their consent period ends." — a week ahead. */
function RetentionWarning({ sessions }: { sessions: readonly SessionSummary[] }) {
  const upcoming = upcomingDeletions(sessions, new Date());
  if (upcoming.length === 0) return null;
  return (
    <div className="retention-warning" role="note">
      {upcoming.map(({ day, sessions: due }) => (
        <p key={day}>
          {due.length === 1 ? `“${due[0]!.fileName}” will be deleted` : `${due.length} sessions will be deleted`} on {dayWords(day)}, when
          {due.length === 1 ? ' its' : ' their'} consent period ends. To keep {due.length === 1 ? 'it' : 'them'} longer, record a new consent
          that allows it.
        </p>
      ))}
    </div>
  );
}
