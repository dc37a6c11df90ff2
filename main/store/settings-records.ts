/**
 * The library's settings, one JSON document per key, kept in the encrypted store (so they travel with its
 * backups). What is read back is parsed again by the caller's parser: a value that no longer parses (an
 * older or hand-edited store) gives the default rather than a half-checked object.
 */
import type { Parser } from '../../lib/ipc/parse.ts';
import type { Db } from './database.ts';

export class SettingsRecords {
  constructor(private readonly db: Db) {}

  get<T>(key: string, parse: Parser<T>, fallback: T): T {
    const value = this.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
    if (value === undefined) return fallback;
    try {
      return parse(JSON.parse(value), key);
    } catch {
      return fallback;
    }
  }

  set<T>(key: string, value: T, now = new Date()): void {
    this.db
      .prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
      .run(key, JSON.stringify(value), now.toISOString());
  }
}
