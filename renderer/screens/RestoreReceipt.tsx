/** What a restore did, from main's own report, so the therapist knows which library is open now. */
import type { RestoreReport } from '../../lib/ipc/store-channels.ts';
import { dateWords } from '../app/format.ts';

export function RestoreReceipt({ report, onDone }: { report: RestoreReport; onDone: () => void }) {
  const deleted = report.deletionsReapplied;
  return (
    <div className="receipt" role="status">
      <h2>Your library is back as it was on {dateWords(report.restoredFrom)}</h2>
      <ul>
        <li>
          {report.sessionCount} {report.sessionCount === 1 ? 'session' : 'sessions'} restored.
        </li>
        {deleted > 0 && (
          <li>
            {deleted} {deleted === 1 ? 'session' : 'sessions'} you deleted after this backup was made {deleted === 1 ? 'was' : 'were'} deleted
            again.
          </li>
        )}
        {report.previousKeptAs && <li>The library you had before is kept, unchanged, at {report.previousKeptAs}.</li>}
      </ul>
      <button type="button" className="primary" onClick={onDone}>
        Go to your sessions
      </button>
    </div>
  );
}
