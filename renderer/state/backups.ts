/** The list of backups and the two-step restore (ask, then restore; the receipt is the parent's). */
import type { BackupInfo } from '../../lib/ipc/store-channels.ts';

export interface BackupsState {
  /** null until the first listing arrives. */
  readonly backups: readonly BackupInfo[] | null;
  readonly error: string | null;
  /** The backup the therapist asked to restore, awaiting confirmation. */
  readonly confirming: BackupInfo | null;
  readonly restoring: boolean;
}

export type BackupsAction =
  | { type: 'listed'; backups: readonly BackupInfo[] }
  | { type: 'failed'; message: string }
  | { type: 'askRestore'; backup: BackupInfo }
  | { type: 'cancelRestore' }
  | { type: 'restoring' }
  | { type: 'restored' };

export const initialBackups: BackupsState = { backups: null, error: null, confirming: null, restoring: false };

export function backupsReducer(state: BackupsState, action: BackupsAction): BackupsState {
  switch (action.type) {
    case 'listed':
      return { ...state, backups: action.backups, error: null };
    case 'failed':
      return { ...state, error: action.message, restoring: false, confirming: null };
    case 'askRestore':
      return { ...state, confirming: action.backup, error: null };
    case 'cancelRestore':
      return { ...state, confirming: null };
    case 'restoring':
      return { ...state, restoring: true };
    case 'restored':
      return { ...state, restoring: false, confirming: null };
  }
}

/** Only a backup that could be read can be restored. */
export const restorable = (backup: BackupInfo): boolean => backup.sessionCount !== null;
