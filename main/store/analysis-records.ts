/**
 * Analysis results: the analysis.json document (tracks, settings, source), its markers as rows, and the
 * people found in it with the roles the therapist assigned and where to take their thumbnail from.
 */
import { applyRoles } from '../../lib/roles/apply-roles.ts';
import { OFF_CAMERA_ID } from '../../lib/speakers/speaker-attribution.ts';
import type { Analysis, Marker, Role } from '../../lib/analysis/types.ts';
import type { Person } from '../../lib/ipc/contract.ts';
import type { Db } from './database.ts';

export interface PersonSnapshot {
  personId: string;
  t: number;
  box: { x: number; y: number; w: number; h: number };
}

type StoredDocument = Omit<Analysis, 'markers' | 'people'>;

/**
 * A row `m` of markers that the review shows: once a client and a therapist are named, not the
 * therapist's own; the pair's markers and voice markers no one could be given (person_id NULL) are always
 * shown — SQL's `NULL IN (…)` is NULL, not false, hence the IS NOT NULL. The rule of
 * lib/roles/apply-roles.ts, in SQL, so counting or checking markers need not load a session's whole analysis.
 */
export const SHOWN_MARKER = `NOT (
  EXISTS (SELECT 1 FROM people WHERE session_id = m.session_id AND role = 'client')
  AND m.person_id IS NOT NULL
  AND m.person_id IN (SELECT person_id FROM people WHERE session_id = m.session_id AND role = 'therapist'))`;

interface PersonRow {
  personId: string;
  role: Role;
  roleSetByUser: number;
  hasThumbnail: number;
}

export class AnalysisRecords {
  constructor(private readonly db: Db) {}

  /**
   * Replaces the session's analysis in one transaction: the document, every marker and the people land
   * together with the session's new status, or (on any error, or a crash part-way) none of them do.
   * Roles the therapist assigned by hand survive a re-analysis for people with the same id.
   * `notes` are the pipeline's plain-language remarks (no face found, no sound…).
   */
  save(sessionId: string, analysis: Analysis, snapshots: readonly PersonSnapshot[], notes: readonly string[] = []): void {
    this.db.transaction(() => {
      const assignedByHand = new Map(
        (
          this.db
            .prepare('SELECT person_id AS personId, role FROM people WHERE session_id = ? AND role_set_by_user = 1')
            .all(sessionId) as { personId: string; role: Role }[]
        ).map((row) => [row.personId, row.role]),
      );
      this.db.prepare('DELETE FROM analyses WHERE session_id = ?').run(sessionId);
      this.db.prepare('DELETE FROM people WHERE session_id = ?').run(sessionId);

      const { markers, people, ...document } = analysis;
      this.db
        .prepare('INSERT INTO analyses (session_id, created_at, document, notes) VALUES (?, ?, ?, ?)')
        .run(sessionId, analysis.analysis.createdAt, JSON.stringify(document satisfies StoredDocument), JSON.stringify(notes));
      const insertMarker = this.db.prepare(
        `INSERT INTO markers (session_id, marker_id, ordinal, start_sec, end_sec, person_id, kind, score, summary, document)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      markers.forEach((marker, ordinal) => {
        insertMarker.run(
          sessionId, marker.id, ordinal, marker.startSec, marker.endSec, marker.personId,
          marker.kind, marker.score, marker.summary, JSON.stringify(marker),
        );
      });
      const insertPerson = this.db.prepare(
        'INSERT INTO people (session_id, person_id, role, role_set_by_user, snapshot) VALUES (?, ?, ?, ?, ?)',
      );
      for (const person of people) {
        const byHand = assignedByHand.get(person.id);
        const snapshot = snapshots.find((s) => s.personId === person.id);
        insertPerson.run(sessionId, person.id, byHand ?? person.role, byHand ? 1 : 0, snapshot ? JSON.stringify(snapshot) : null);
      }
      this.db.prepare(`UPDATE sessions SET status = 'analysed', last_error = NULL WHERE id = ?`).run(sessionId);
    })();
  }

  /** The analysis as analysis.json has it, with the roles as currently assigned; null if never analysed. */
  load(sessionId: string): Analysis | null {
    const document = this.db.prepare('SELECT document FROM analyses WHERE session_id = ?').pluck().get(sessionId) as
      | string
      | undefined;
    if (document === undefined) return null;
    const markers = (
      this.db.prepare('SELECT document FROM markers WHERE session_id = ? ORDER BY ordinal').pluck().all(sessionId) as string[]
    ).map((json) => JSON.parse(json) as Marker);
    const rows = this.people(sessionId);
    const people = rows.map(({ id, offCamera }) => ({ id, role: 'unknown' as const, ...(offCamera ? { offCamera } : {}) }));
    // Stored as fusion found them, for everyone; shown with the roles as they are now (lib/roles/apply-roles.ts).
    return applyRoles({ ...(JSON.parse(document) as StoredDocument), people, markers }, new Map(rows.map((p) => [p.id, p.role])));
  }

  /** True when the review shows a marker with this id in the session. */
  hasShownMarker(sessionId: string, markerId: string): boolean {
    return this.db.prepare(`SELECT 1 FROM markers m WHERE m.session_id = ? AND m.marker_id = ? AND ${SHOWN_MARKER}`).get(sessionId, markerId) !== undefined;
  }

  notes(sessionId: string): string[] {
    const json = this.db.prepare('SELECT notes FROM analyses WHERE session_id = ?').pluck().get(sessionId) as string | undefined;
    return json ? (JSON.parse(json) as string[]) : [];
  }

  people(sessionId: string): Person[] {
    const rows = this.db
      .prepare(
        `SELECT person_id AS personId, role, role_set_by_user AS roleSetByUser, thumbnail IS NOT NULL AS hasThumbnail
         FROM people WHERE session_id = ? ORDER BY person_id`,
      )
      .all(sessionId) as PersonRow[];
    return rows.map((row) => ({ id: row.personId, role: row.role, hasThumbnail: row.hasThumbnail === 1, offCamera: row.personId === OFF_CAMERA_ID }));
  }

  /** False when the session has no such person. */
  assignRole(sessionId: string, personId: string, role: Role): boolean {
    const result = this.db
      .prepare('UPDATE people SET role = ?, role_set_by_user = 1 WHERE session_id = ? AND person_id = ?')
      .run(role, sessionId, personId);
    return result.changes === 1;
  }

  snapshot(sessionId: string, personId: string): PersonSnapshot | null {
    const json = this.db
      .prepare('SELECT snapshot FROM people WHERE session_id = ? AND person_id = ?')
      .pluck()
      .get(sessionId, personId) as string | null | undefined;
    return json ? (JSON.parse(json) as PersonSnapshot) : null;
  }

  thumbnail(sessionId: string, personId: string): Buffer | null {
    return (
      (this.db
        .prepare('SELECT thumbnail FROM people WHERE session_id = ? AND person_id = ?')
        .pluck()
        .get(sessionId, personId) as Buffer | null | undefined) ?? null
    );
  }

  /** Thumbnails live in the encrypted store, never as loose image files. */
  saveThumbnail(sessionId: string, personId: string, jpeg: Buffer): void {
    this.db.prepare('UPDATE people SET thumbnail = ? WHERE session_id = ? AND person_id = ?').run(jpeg, sessionId, personId);
  }
}
