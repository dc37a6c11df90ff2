/** What a deletion removed, from main's own report, so the therapist can see it really happened. */
import type { DeletionReport } from '../../lib/ipc/contract.ts';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function DeletionReceipt({ report, onDismiss }: { report: DeletionReport; onDismiss: () => void }) {
  const { removed } = report;
  return (
    <div className="receipt" role="status">
      <h2>Deleted “{report.fileName}”</h2>
      <ul>
        <li>{count(removed.sessions, 'session', 'sessions')}</li>
        <li>{count(removed.consentRecords, 'consent record', 'consent records')}</li>
        <li>{count(removed.people, 'person and their role', 'people and their roles')}</li>
        <li>{count(removed.analyses, 'analysis', 'analyses')}</li>
        <li>{count(removed.markers, 'marker', 'markers')}</li>
        <li>{count(removed.notes, 'note', 'notes')}</li>
        <li>{count(removed.noticeRuns, '“notice first” result', '“notice first” results')}</li>
        {report.jobCancelled && <li>The analysis that was still running was stopped first.</li>}
        {report.vacuumed && <li>The database was compacted so no trace of the session remains in it.</li>}
        {report.copiesCleared > 0 && <li>It was also removed from {count(report.copiesCleared, 'backup', 'backups')} Attune keeps.</li>}
      </ul>
      <p>Your recording was not touched; it is still at {report.recordingKeptAt}.</p>
      <button type="button" onClick={onDismiss}>
        OK
      </button>
    </div>
  );
}
