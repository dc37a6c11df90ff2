/** The backups of the session library, and restoring one. */
import { useState } from 'react';
import type { RestoreReport } from '../../lib/ipc/store-channels.ts';
import type { Navigate } from '../state/navigation.ts';
import { BackupList } from './BackupList.tsx';
import { RestoreReceipt } from './RestoreReceipt.tsx';

interface Props {
  /** Why this start's backup could not be made, if it could not. */
  backupProblem: string | null;
  navigate: Navigate;
}

export function BackupsScreen({ backupProblem, navigate }: Props) {
  const [restored, setRestored] = useState<RestoreReport | null>(null);
  return (
    <section aria-labelledby="backups-title" className="narrow">
      <div className="screen-head">
        <h1 id="backups-title" tabIndex={-1}>
          Backups
        </h1>
      </div>
      <p>
        Each time Attune starts, it saves an encrypted copy of your session library on this computer and keeps the three most
        recent. A session you delete is removed from these copies too.
      </p>
      {backupProblem && (
        <p className="error" role="alert">
          {backupProblem}
        </p>
      )}
      {restored ? (
        <RestoreReceipt report={restored} onDone={() => navigate({ screen: 'library' })} />
      ) : (
        <BackupList replacesOpenLibrary onRestored={setRestored} />
      )}
    </section>
  );
}
