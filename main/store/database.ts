/**
 * Opens the profile's session store: one SQLite file, encrypted at rest (SQLCipher scheme via
 * SQLite3MultipleCiphers), with a 256-bit raw key. The key is checked before anything is written, so a
 * wrong key fails with a clear message and leaves every byte of the store as it was.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { migrate } from './migrations.ts';

export type Db = Database.Database;

export class StoreKeyError extends Error {
  override name = 'StoreKeyError';
}

const KEY_BYTES = 32;

export function openEncryptedDatabase(file: string, key: Buffer): Db {
  if (key.length !== KEY_BYTES) throw new StoreKeyError(`The session store key must be ${KEY_BYTES} bytes.`);
  const db = new Database(file);
  try {
    db.pragma("cipher = 'sqlcipher'");
    // A raw hex key skips the passphrase KDF: the key is already random, not a password.
    db.pragma(`key = "x'${key.toString('hex')}'"`);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_NOTADB') {
        throw new StoreKeyError(
          `The session store at ${file} cannot be decrypted with this profile's key; it was left untouched.`,
        );
      }
      throw error;
    }
    // secure_delete overwrites freed pages, so deleted sessions do not linger inside the file.
    db.pragma('secure_delete = ON');
    db.pragma('foreign_keys = ON');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
