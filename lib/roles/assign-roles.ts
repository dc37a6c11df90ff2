/**
 * Roles set on an analysis that was already written: `attune roles` and anything else that holds only
 * the file. The file's markers may already be one client's (the therapist's were left out), so they are
 * found afresh from the stored tracks — fusion alone, no decoding — and then seen with the new roles.
 */
import type { Analysis, Role } from '../analysis/types.ts';
import { analyseFusion } from '../fusion/detect-markers.ts';
import { applyRoles, bothNamed, ROLES_MISSING_NOTE } from './apply-roles.ts';

/** The ids in `named` that are not people of the analysis. */
export function unknownPeople(analysis: Analysis, named: ReadonlyMap<string, Role>): string[] {
  const ids = new Set(analysis.people.map((p) => p.id));
  return [...named.keys()].filter((id) => !ids.has(id));
}

/**
 * Each person's role after `named` is applied over the roles the analysis already has: a role given to
 * someone new is taken from whoever held it (one client, one therapist).
 */
export function mergedRoles(analysis: Analysis, named: ReadonlyMap<string, Role>): Map<string, Role> {
  const given = new Set(named.values());
  return new Map(
    analysis.people.map((p): [string, Role] => [p.id, named.get(p.id) ?? (p.role !== 'unknown' && given.has(p.role) ? 'unknown' : p.role)]),
  );
}

/**
 * `analysis` seen with `roles` (applyRoles), and its notes saying, in one sentence, when the reasons that
 * need both roles were left out.
 */
export function withRoleNotes(analysis: Analysis, roles: ReadonlyMap<string, Role>): Analysis {
  const applied = applyRoles(analysis, roles);
  const kept = (applied.analysis.notes ?? []).filter((note) => note !== ROLES_MISSING_NOTE);
  const notes = bothNamed(new Map(applied.people.map((p) => [p.id, p.role]))) ? kept : [...kept, ROLES_MISSING_NOTE];
  return { ...applied, analysis: { ...applied.analysis, notes } };
}

/** The analysis with `named` roles: markers re-derived from its tracks, then narrowed to the client with reasons. */
export function reassignRoles(analysis: Analysis, named: ReadonlyMap<string, Role>): Analysis {
  const { face, body, voice } = analysis.tracks;
  const { markers } = analyseFusion({ face, body, voice, durationSec: analysis.source.durationSec });
  return withRoleNotes({ ...analysis, markers }, mergedRoles(analysis, named));
}
