/** The session list, and the two-step delete (ask, then report what was removed). */
import type { DeletionReport, SessionSummary } from '../../lib/ipc/contract.ts';

export interface LibraryState {
  /** null until the first listing arrives. */
  readonly sessions: readonly SessionSummary[] | null;
  readonly error: string | null;
  /** The session the therapist asked to delete, awaiting confirmation. */
  readonly confirming: SessionSummary | null;
  readonly deleting: boolean;
  readonly lastDeletion: DeletionReport | null;
}

export type LibraryAction =
  | { type: 'listed'; sessions: readonly SessionSummary[] }
  | { type: 'failed'; message: string }
  | { type: 'askDelete'; session: SessionSummary }
  | { type: 'cancelDelete' }
  | { type: 'deleting' }
  | { type: 'deleted'; report: DeletionReport }
  | { type: 'dismissReport' };

export const initialLibrary: LibraryState = {
  sessions: null,
  error: null,
  confirming: null,
  deleting: false,
  lastDeletion: null,
};

export function libraryReducer(state: LibraryState, action: LibraryAction): LibraryState {
  switch (action.type) {
    case 'listed':
      return { ...state, sessions: action.sessions, error: null };
    case 'failed':
      return { ...state, error: action.message, deleting: false, confirming: null };
    case 'askDelete':
      return { ...state, confirming: action.session, lastDeletion: null };
    case 'cancelDelete':
      return { ...state, confirming: null };
    case 'deleting':
      return { ...state, deleting: true };
    case 'deleted':
      return {
        ...state,
        deleting: false,
        confirming: null,
        lastDeletion: action.report,
        sessions: state.sessions?.filter((s) => s.id !== action.report.sessionId) ?? null,
      };
    case 'dismissReport':
      return { ...state, lastDeletion: null };
  }
}

/** Newest first: the session just recorded is the one the therapist is looking for. */
export function sortedSessions(sessions: readonly SessionSummary[]): SessionSummary[] {
  return [...sessions].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
