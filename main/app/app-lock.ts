/**
 * The idle lock (lib/ipc/lock-channels.ts): locks when the computer has been idle for the set minutes
 * (the operating system's idle time in the app), or at once on request; unlocks with the lock passphrase
 * when one is set. The passphrase is kept only as a scrypt hash (N = 2^15, r = 8, p = 1, 16-byte salt) in
 * the encrypted library's settings.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import {
  IDLE_MINUTES_DEFAULT,
  IDLE_MINUTES_MAX,
  IDLE_MINUTES_MIN,
  LOCK_PASSPHRASE_MIN,
  type LockSettingsRequest,
  type LockState,
} from '../../lib/ipc/lock-channels.ts';
import { integer, nullable, object, text } from '../../lib/ipc/parse.ts';
import type { ProfileStore } from '../store/profile-store.ts';
import { AppError } from './app-error.ts';

interface LockSettings {
  idleMinutes: number;
  passphrase: { salt: string; hash: string } | null;
}

const SETTINGS_KEY = 'lock';
const DEFAULTS: LockSettings = { idleMinutes: IDLE_MINUTES_DEFAULT, passphrase: null };
const settingsParser = object<LockSettings>({
  idleMinutes: integer,
  passphrase: nullable(object<{ salt: string; hash: string }>({ salt: text(64), hash: text(200) })),
});
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

const hashOf = (passphrase: string, salt: Buffer): Buffer => scryptSync(passphrase.normalize('NFC'), salt, 32, SCRYPT);

export class AppLock {
  private locked = false;
  private readonly listeners = new Set<(state: LockState) => void>();

  constructor(
    private readonly store: ProfileStore,
    private readonly idleSeconds: () => number,
    /** Records a lock or unlock in the audit log. */
    private readonly record: (action: 'lock' | 'unlock', reason: string) => void,
  ) {}

  get isLocked(): boolean {
    return this.locked;
  }

  state(): LockState {
    const settings = this.settings();
    return { locked: this.locked, hasPassphrase: settings.passphrase !== null, idleMinutes: settings.idleMinutes };
  }

  /** Called on a timer: locks once the computer has been idle for the set time. */
  check(): void {
    if (!this.locked && this.idleSeconds() >= this.settings().idleMinutes * 60) this.lock('idle');
  }

  lock(reason: 'idle' | 'asked'): LockState {
    if (!this.locked) {
      this.locked = true;
      this.record('lock', reason);
      this.emit();
    }
    return this.state();
  }

  unlock(passphrase: string): LockState {
    if (!this.locked) return this.state();
    if (!this.matches(passphrase)) throw new AppError('forbidden', 'That is not the lock passphrase.');
    this.locked = false;
    this.record('unlock', 'passphrase');
    this.emit();
    return this.state();
  }

  configure({ idleMinutes, newPassphrase, currentPassphrase }: LockSettingsRequest): LockState {
    if (idleMinutes < IDLE_MINUTES_MIN || idleMinutes > IDLE_MINUTES_MAX) {
      throw new AppError('invalid-request', `Attune locks after ${IDLE_MINUTES_MIN} to ${IDLE_MINUTES_MAX} minutes without use.`);
    }
    const settings = this.settings();
    let passphrase = settings.passphrase;
    if (newPassphrase !== undefined) {
      if (settings.passphrase && !this.matches(currentPassphrase ?? '')) {
        throw new AppError('forbidden', 'To change or remove the lock passphrase, type the current one first.');
      }
      if (newPassphrase !== null && [...newPassphrase].length < LOCK_PASSPHRASE_MIN) {
        throw new AppError('invalid-request', `The lock passphrase must be at least ${LOCK_PASSPHRASE_MIN} characters.`);
      }
      const salt = randomBytes(16);
      passphrase = newPassphrase === null ? null : { salt: salt.toString('base64'), hash: hashOf(newPassphrase, salt).toString('base64') };
    }
    this.store.settings.set(SETTINGS_KEY, { idleMinutes, passphrase });
    this.emit();
    return this.state();
  }

  subscribe(listener: (state: LockState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Without a passphrase set, any answer unlocks: the lock then only hides the screen. */
  private matches(passphrase: string): boolean {
    const stored = this.settings().passphrase;
    if (!stored) return true;
    const expected = Buffer.from(stored.hash, 'base64');
    const actual = hashOf(passphrase, Buffer.from(stored.salt, 'base64'));
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  /** A damaged library (no store open) has no settings: the defaults hold until it is restored. */
  private settings(): LockSettings {
    return this.store.status().state === 'open' ? this.store.settings.get(SETTINGS_KEY, settingsParser, DEFAULTS) : DEFAULTS;
  }

  private emit(): void {
    const state = this.state();
    for (const listener of this.listeners) listener(state);
  }
}
