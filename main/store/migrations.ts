/**
 * The session store's schema, as numbered migrations. `PRAGMA user_version` records the last one applied;
 * each runs in its own transaction, so a crash mid-upgrade leaves the previous version intact.
 * Append new migrations; never edit one that has shipped.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';

const MIGRATIONS: readonly string[] = [
  // 1: sessions, consent, people, analyses, markers. Everything derived from a session cascades from it,
  // so deleting the session row is the single place derived data is removed.
  `
  CREATE TABLE sessions (
    id            TEXT PRIMARY KEY,
    file_path     TEXT NOT NULL,
    file_name     TEXT NOT NULL,
    sha256        TEXT NOT NULL UNIQUE,
    size_bytes    INTEGER NOT NULL,
    mtime_ms      REAL NOT NULL,
    duration_sec  REAL NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('awaiting-consent','ready','queued','analysing','analysed','failed')),
    last_error    TEXT,
    created_at    TEXT NOT NULL
  ) STRICT;

  CREATE TABLE consent_records (
    id            INTEGER PRIMARY KEY,
    session_id    TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    consented_by  TEXT NOT NULL,
    consented_at  TEXT NOT NULL,
    purposes      TEXT NOT NULL,
    retain_until  TEXT NOT NULL,
    recorded_at   TEXT NOT NULL
  ) STRICT;
  CREATE INDEX consent_records_by_session ON consent_records(session_id);

  CREATE TABLE analyses (
    session_id    TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    created_at    TEXT NOT NULL,
    document      TEXT NOT NULL,
    notes         TEXT NOT NULL DEFAULT '[]'
  ) STRICT;

  CREATE TABLE markers (
    session_id    TEXT NOT NULL REFERENCES analyses(session_id) ON DELETE CASCADE,
    marker_id     TEXT NOT NULL,
    ordinal       INTEGER NOT NULL,
    start_sec     REAL NOT NULL,
    end_sec       REAL NOT NULL,
    person_id     TEXT,
    kind          TEXT NOT NULL,
    score         REAL NOT NULL,
    summary       TEXT NOT NULL,
    document      TEXT NOT NULL,
    PRIMARY KEY (session_id, marker_id)
  ) STRICT;

  CREATE TABLE people (
    session_id    TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    person_id     TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('client','therapist','unknown')),
    role_set_by_user INTEGER NOT NULL DEFAULT 0,
    snapshot      TEXT,
    thumbnail     BLOB,
    PRIMARY KEY (session_id, person_id)
  ) STRICT;
  `,
  // 2: notes on the review, by the therapist or a supervisor; deleted with their session.
  `
  CREATE TABLE notes (
    id            TEXT PRIMARY KEY,
    session_id    TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    author_role   TEXT NOT NULL CHECK (author_role IN ('therapist','supervisor')),
    author_name   TEXT NOT NULL,
    start_sec     REAL NOT NULL,
    end_sec       REAL NOT NULL CHECK (end_sec >= start_sec),
    marker_id     TEXT,
    text          TEXT NOT NULL,
    tag           TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
  ) STRICT;
  CREATE INDEX notes_by_session ON notes(session_id, start_sec);
  `,
  // 3: "notice first" runs: the therapist's presses and how they compared with the markers.
  `
  CREATE TABLE notice_runs (
    id            TEXT PRIMARY KEY,
    session_id    TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    created_at    TEXT NOT NULL,
    presses       TEXT NOT NULL,
    marker_count  INTEGER NOT NULL,
    comparison    TEXT NOT NULL
  ) STRICT;
  CREATE INDEX notice_runs_by_session ON notice_runs(session_id, created_at);
  `,
  // 4: a note may carry a rating of the therapist's empathic responding, with the scale it was made on.
  `
  ALTER TABLE notes ADD COLUMN rating INTEGER;
  ALTER TABLE notes ADD COLUMN rating_scale TEXT;
  `,
  // 5: a receipt for every deletion, kept after the session is gone: its random id, when, why, and how
  // many rows went — nothing about the client or the recording.
  `
  CREATE TABLE deletion_receipts (
    id            INTEGER PRIMARY KEY,
    session_id    TEXT NOT NULL,
    deleted_at    TEXT NOT NULL,
    reason        TEXT NOT NULL CHECK (reason IN ('user','retention','withdrawn')),
    removed       TEXT NOT NULL
  ) STRICT;
  `,
  // 6: the audit log (audit-log.ts): append-only, each entry chained to the one before by its hash.
  `
  CREATE TABLE audit_log (
    seq           INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    actor         TEXT NOT NULL,
    action        TEXT NOT NULL,
    session_id    TEXT,
    detail        TEXT NOT NULL,
    hash          TEXT NOT NULL
  ) STRICT;
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  `,
  // 7: the library's settings (settings-records.ts), one JSON document per key; no client data.
  `
  CREATE TABLE settings (
    key           TEXT PRIMARY KEY,
    value         TEXT NOT NULL,
    updated_at    TEXT NOT NULL
  ) STRICT;
  `,
  // 8: sessions received in a review package, without their recording (received-records.ts): where the
  // package came from, and its clips (client data, so here in the encrypted store and nowhere else).
  `
  CREATE TABLE received_packages (
    session_id          TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    package_created_at  TEXT NOT NULL,
    created_by          TEXT NOT NULL,
    received_at         TEXT NOT NULL
  ) STRICT;

  CREATE TABLE clips (
    session_id    TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    marker_id     TEXT NOT NULL,
    start_sec     REAL NOT NULL,
    end_sec       REAL NOT NULL,
    deidentified  INTEGER NOT NULL CHECK (deidentified IN (0, 1)),
    data          BLOB NOT NULL,
    PRIMARY KEY (session_id, marker_id)
  ) STRICT;
  `,
  // 9: an analysis's saved progress (checkpoint-records.ts; main/pipeline/resume/): face, body and voice
  // measurements of a run not yet finished, so one interrupted by a crash or quit carries on where it was.
  `
  CREATE TABLE analysis_checkpoints (
    session_id    TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    data          TEXT NOT NULL,
    PRIMARY KEY (session_id, name)
  ) STRICT;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `This session store was written by a newer version of Attune (schema ${current}, this version knows ${SCHEMA_VERSION}). Update Attune to open it.`,
    );
  }
  for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version - 1]!);
      db.pragma(`user_version = ${version}`);
    })();
  }
}
