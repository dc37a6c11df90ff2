/** The session library's channels: whether it opened, backups and restores, deletion receipts, the audit log. */
import type { ChannelName, RequestOf, ResponseOf } from '../../lib/ipc/contract.ts';
import { auditCsv } from '../../lib/export/audit-csv.ts';
import type { ProfileStore } from '../store/profile-store.ts';
import { AppError, notFound } from './app-error.ts';
import type { JobQueue } from './job-queue.ts';
import { saveExport, type PickSavePath } from './save-export.ts';

type StoreChannel = Extract<ChannelName, `store:${string}`>;
type StoreHandlers = { [C in StoreChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

export interface StoreDeps {
  store: ProfileStore;
  queue: JobQueue;
  pickSavePath: PickSavePath | undefined;
}

export function storeHandlers({ store, queue, pickSavePath }: StoreDeps): StoreHandlers {
  return {
    'store:status': async () => store.status(),

    'store:deletionReceipts': async () => store.receipts.list(),

    'store:auditLog': async () => store.audit.view(),

    'store:exportAuditLog': async (request) => {
      const entries = store.audit.list();
      const where = { filePath: request?.filePath, pickSavePath: pickSavePath, suggestedName: 'attune-audit-log.csv' };
      const path = await saveExport(where, () => auditCsv(entries), 'The audit log');
      return path === null ? null : { path, count: entries.length };
    },

    'store:backups': async () => store.backups(),

    'store:restore': async ({ backupId }) => {
      // An analysis writes into the open library; swapping the file under it would lose or misplace its result.
      if (queue.list().length > 0) {
        throw new AppError('conflict', 'Wait until the analyses have finished, or cancel them, then restore the backup.');
      }
      if (!store.backups().some((backup) => backup.id === backupId)) throw notFound('That backup');
      return store.restore(backupId);
    },

    'store:startEmpty': async () => {
      if (store.status().state !== 'damaged') throw new AppError('conflict', 'Your session library is open; there is nothing to replace.');
      store.startEmpty();
      return store.status();
    },
  };
}
