/**
 * The session library's part of the IPC contract (contract.ts declares the channels): whether it opened,
 * its backups and restores, the receipts of deletions, and the audit log.
 */
import type { DeletionReport } from './contract.ts';

/** Why a session was deleted: by the therapist, because its consent period ended, or because consent was withdrawn. */
export type DeletionReason = 'user' | 'retention' | 'withdrawn';

/** What is kept of a deletion: no client data, only the random session id, when, why and how much went. */
export interface DeletionReceipt {
  sessionId: string;
  /** ISO 8601. */
  deletedAt: string;
  reason: DeletionReason;
  removed: DeletionReport['removed'];
}

/** One action on the library: who, what, which session, when — no client content. */
export interface AuditEntryView {
  seq: number;
  /** ISO 8601. */
  at: string;
  /** The operating-system account that ran Attune. */
  actor: string;
  action: string;
  sessionId: string | null;
  /** Small, content-free facts (a note's id, a person's id and role). */
  detail: Record<string, string>;
  /** SHA-256 of the entry chained to the one before (main/store/audit-log.ts). */
  hash: string;
}

export interface AuditLogView {
  entries: AuditEntryView[];
  /** The first entry that was edited, removed or inserted out of order; null when the chain holds. */
  brokenAt: number | null;
}

/**
 * Whether the session library could be opened at this start. `damaged`: its file was found damaged and
 * kept aside unchanged at `keptAs` (null: the file is missing while backups exist); nothing else works
 * until a backup is restored or an empty library is chosen.
 */
export type StoreStatus =
  | { state: 'open'; /** Why this start's backup could not be made, null if it was. */ backupProblem: string | null }
  | { state: 'damaged'; message: string; keptAs: string | null };

/** One of the encrypted backups made at each start (the newest three are kept). */
export interface BackupInfo {
  id: string;
  /** ISO 8601, when it was made. */
  createdAt: string;
  /** null when the backup cannot be read (it cannot be restored then). */
  sessionCount: number | null;
  sizeBytes: number;
  /** Made before the library was found damaged and replaced by an empty one: kept, never rotated out. */
  pinned: boolean;
}

export interface RestoreReport {
  /** ISO 8601, when the restored backup was made. */
  restoredFrom: string;
  sessionCount: number;
  /** Where the library open until the restore was kept; null when there was none (it was damaged). */
  previousKeptAs: string | null;
  /** Sessions deleted after the backup was made and removed again, so a restore never brings them back. */
  deletionsReapplied: number;
}
