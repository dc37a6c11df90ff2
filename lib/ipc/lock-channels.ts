/**
 * The idle lock's part of the IPC contract (contract.ts declares the channels): after a set time with no
 * one at the computer, Attune hides client data until it is unlocked; while locked, main answers only
 * these channels (and app:info, store:status), so hiding is not the screen's job alone.
 */
import { integer, maybeEmptyText, nullable, object, optional, text, type Parser } from './parse.ts';

export const IDLE_MINUTES_DEFAULT = 15;
export const IDLE_MINUTES_MIN = 1;
export const IDLE_MINUTES_MAX = 240;
/** Short enough to type at every unlock; the lock guards an unattended screen, the store's key guards the disk. */
export const LOCK_PASSPHRASE_MIN = 6;
const PASSPHRASE_MAX = 1000;

export interface LockState {
  locked: boolean;
  /** Whether unlocking asks for the lock passphrase (set in Settings); without one, unlocking is a click. */
  hasPassphrase: boolean;
  idleMinutes: number;
}

export interface LockSettingsRequest {
  idleMinutes: number;
  /** A new lock passphrase, null to remove it, absent to keep it. */
  newPassphrase?: string | null;
  /** Needed to change or remove a passphrase that is set. */
  currentPassphrase?: string;
}

export const lockParsers = {
  unlock: object<{ passphrase: string }>({ passphrase: maybeEmptyText(PASSPHRASE_MAX) }),
  configure: object<LockSettingsRequest>({
    idleMinutes: integer,
    newPassphrase: optional(nullable(text(PASSPHRASE_MAX))),
    currentPassphrase: optional(maybeEmptyText(PASSPHRASE_MAX)),
  }),
} satisfies Record<string, Parser<unknown>>;

/** The channels main answers while locked. */
export const OPEN_WHILE_LOCKED: readonly string[] = ['app:info', 'store:status', 'lock:state', 'lock:unlock'];
