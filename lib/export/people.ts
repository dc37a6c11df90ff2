/** Who a marker or track belongs to, in the words every export uses ("Client", "Person 2"). */
import { personWords } from '../analysis/marker-words.ts';
import type { Analysis, Role } from '../analysis/types.ts';

/** A marker without a person is a voice cue not yet tied to anyone (speakers are not attributed yet). */
export const UNATTRIBUTED_VOICE = 'Voice (speaker not identified)';

export interface PersonLabel {
  label: string;
  role: Role | null;
}

export function personLabeller(analysis: Analysis): (personId: string | null) => PersonLabel {
  const people = new Map(analysis.people.map((p, index) => [p.id, { label: personWords(p.role, index + 1), role: p.role }]));
  return (personId) => (personId === null ? { label: UNATTRIBUTED_VOICE, role: null } : (people.get(personId) ?? { label: personId, role: null }));
}
