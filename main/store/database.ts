/**
 * Opens the profile's session store: one SQLite file, encrypted at rest (SQLCipher scheme via
 * SQLite3MultipleCiphers), with a 256-bit raw key. The key is checked before anything is written, so a
 * wrong key fails with a clear message and leaves every byte of the store as it was. A file that opens
 * with the key but does not hold a sound database fails as damaged (StoreDamagedError), also unwritten.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { migrate } from './migrations.ts';
import { damageVisibleInFile, isDamageCode, StoreDamagedError } from './store-damage.ts';

export type Db = Database.Database;

export class StoreKeyError extends Error {
  override name = 'StoreKeyError';
}

const KEY_BYTES = 32;

export function openEncryptedDatabase(file: string, key: Buffer): Db {
  if (key.length !== KEY_BYTES) throw new StoreKeyError(`The session store key must be ${KEY_BYTES} bytes.`);
  const visible = damageVisibleInFile(file);
  if (visible) throw visible;
  const db = new Database(file);
  try {
    unlock(db, key);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      // The cipher cannot tell a wrong key from a garbled first page; the caller may know better (backups).
      if ((error as { code?: unknown }).code === 'SQLITE_NOTADB') {
        throw new StoreKeyError(
          `The session store at ${file} cannot be decrypted with this profile's key; it was left untouched.`,
        );
      }
      // The first page decrypted and authenticated, so it is intact; what SQLite then refuses is a header
      // that counts more pages than the file has: the file was cut short.
      if (isDamageCode(error)) throw new StoreDamagedError('cut-short', (error as Error).message);
      throw error;
    }
    // Before any write: migrating or checkpointing into a damaged file could spread the damage.
    checkIntegrity(db);
    // secure_delete overwrites freed pages, so deleted sessions do not linger inside the file.
    db.pragma('secure_delete = ON');
    db.pragma('foreign_keys = ON');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    // A page that fails its authentication tag is reported as SQLITE_CORRUPT: that part of the file is lost.
    if (isDamageCode(error)) throw new StoreDamagedError('unreadable', (error as Error).message);
    throw error;
  }
}

/** Sets the cipher and the key on a fresh connection; nothing is read or written yet. */
export function unlock(db: Db, key: Buffer): void {
  db.pragma("cipher = 'sqlcipher'");
  // A raw hex key skips the passphrase KDF: the key is already random, not a password.
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

/**
 * quick_check reads every page of every table and index (each page's authentication tag is checked as it
 * is decrypted) without the slower cross-check of index contents that integrity_check adds.
 */
function checkIntegrity(db: Db): void {
  const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check);
  if (problems.length !== 1 || problems[0] !== 'ok') throw new StoreDamagedError('inconsistent', problems.slice(0, 5).join('; '));
}
