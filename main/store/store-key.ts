/**
 * The session store's key: 32 random bytes generated once per profile and kept on disk only encrypted by
 * the operating system's credential store (Electron `safeStorage`: Keychain, DPAPI, libsecret/kwallet).
 * Copying the profile folder to another account or machine therefore does not copy a usable key.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The part of Electron's `safeStorage` this needs. */
export interface KeyProtector {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no keyring is available and the "encryption" is a hard-coded key. */
  getSelectedStorageBackend?(): string;
}

export const STORE_KEY_FILE = 'store.key';

export class KeyUnavailableError extends Error {
  override name = 'KeyUnavailableError';
}

export function loadOrCreateStoreKey(profileDir: string, protector: KeyProtector): Buffer {
  if (!protector.isEncryptionAvailable() || protector.getSelectedStorageBackend?.() === 'basic_text') {
    // Refusing is the safe answer: a key "protected" by a hard-coded password would protect nothing.
    throw new KeyUnavailableError(
      'Attune cannot protect its session store because no system keyring is available (Keychain, Credential Manager, GNOME Keyring or KWallet). Unlock or install one and start Attune again.',
    );
  }
  const file = join(profileDir, STORE_KEY_FILE);
  if (existsSync(file)) {
    const hex = protector.decryptString(readFileSync(file));
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new KeyUnavailableError(`The store key in ${file} is damaged.`);
    return Buffer.from(hex, 'hex');
  }
  const key = randomBytes(32);
  mkdirSync(profileDir, { recursive: true, mode: 0o700 });
  // Written under a temporary name and renamed, so a crash never leaves a truncated key behind.
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, protector.encryptString(key.toString('hex')), { mode: 0o600 });
  renameSync(temporary, file);
  return key;
}
