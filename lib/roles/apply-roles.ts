/**
 * The analysis as seen with roles: fusion finds shifts for everyone, and once the therapist says who is
 * the client and who the therapist, the markers are the client's (plus those of the pair and of speech no
 * one could be given), each with the reasons the therapist's own tracks give for why it was easy to miss.
 * Pure and repeatable: reasons are worked out afresh from the tracks every time roles change.
 */
import type { Analysis, Marker, Role } from '../analysis/types.ts';
import { missedBecause } from './missed-because.ts';

/** What a file analysed without both roles says about it (the app shows the roles screen instead). */
export const ROLES_MISSING_NOTE =
  'Client and therapist were not both named, so the reasons that depend on what the therapist was doing ' +
  '(speaking, looking away, not responding) are left out.';

function withReasons(marker: Marker, reasons: Marker['missedEvidence']): Marker {
  const { missedBecause: _old, missedEvidence: _evidence, ...rest } = marker;
  const brief = marker.kind === 'brief' || marker.missedBecause?.includes('brief') === true;
  const names = [...(brief ? ['brief'] : []), ...(reasons ?? []).map((r) => r.reason)];
  return { ...rest, ...(names.length ? { missedBecause: names } : {}), ...(reasons?.length ? { missedEvidence: reasons } : {}) };
}

/** True when the roles name a client and a therapist: what the reasons need. */
export function bothNamed(roles: ReadonlyMap<string, Role>): boolean {
  const values = [...roles.values()];
  return values.includes('client') && values.includes('therapist');
}

/** `analysis` with the roles and, when client and therapist are both named, with the client's markers and their reasons. */
export function applyRoles(analysis: Analysis, roles: ReadonlyMap<string, Role>): Analysis {
  const people = analysis.people.map((p) => ({ ...p, role: roles.get(p.id) ?? p.role }));
  const client = people.find((p) => p.role === 'client')?.id ?? null;
  const therapist = people.find((p) => p.role === 'therapist')?.id ?? null;
  if (client === null || therapist === null) return { ...analysis, people };
  const tracks = {
    face: analysis.tracks.face.find((t) => t.personId === therapist) ?? null,
    voice: analysis.tracks.voice.find((t) => t.personId === therapist) ?? null,
  };
  const clientVoice = analysis.tracks.voice.find((t) => t.personId === client) ?? null;
  const markers = analysis.markers
    .filter((m) => m.personId !== therapist)
    .map((m) => withReasons(m, m.personId === client ? missedBecause(m, tracks, clientVoice) : []));
  return { ...analysis, people, markers };
}
