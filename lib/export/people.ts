/** Who a marker or track belongs to, in the words every export uses ("Client", "Person 2", "Both people"). */
import { isPairMarker, PAIR_WORDS, personWords } from '../analysis/marker-words.ts';
import type { Analysis, Marker, Role } from '../analysis/types.ts';

/** A marker without a person is a voice cue not yet tied to anyone (speakers are not attributed yet). */
export const UNATTRIBUTED_VOICE = 'Voice (speaker not identified)';

export interface PersonLabel {
  label: string;
  role: Role | null;
}

export interface Labels {
  person(personId: string | null): PersonLabel;
  /** Whom a marker is about: a person, both people (synchrony), or a voice not yet tied to anyone. */
  marker(marker: Marker): PersonLabel;
}

export function personLabeller(analysis: Analysis): Labels {
  const people = new Map(analysis.people.map((p, index) => [p.id, { label: personWords(p, index + 1), role: p.role }]));
  const person = (personId: string | null): PersonLabel =>
    personId === null ? { label: UNATTRIBUTED_VOICE, role: null } : (people.get(personId) ?? { label: personId, role: null });
  return { person, marker: (marker) => (isPairMarker(marker) ? { label: PAIR_WORDS, role: null } : person(marker.personId)) };
}
