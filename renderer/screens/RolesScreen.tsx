/**
 * Who is who: the people Attune found, each with a face thumbnail, marked client, therapist or
 * unknown. Markers are about the client, so this decides whose changes are shown.
 */
import { useEffect, useState } from 'react';
import type { Role } from '../../lib/analysis/types.ts';
import type { Person, SessionDetail } from '../../lib/ipc/contract.ts';
import { errorMessage, useApi } from '../app/api-context.ts';
import type { Navigate } from '../state/navigation.ts';

// Keyed by Role so every role has words; the contract's ROLES value is not imported (types only in the renderer).
const ROLE_WORDS: Record<Role, string> = { client: 'Client', therapist: 'Therapist', unknown: 'Not sure / someone else' };
const ROLES = Object.keys(ROLE_WORDS) as Role[];

export function RolesScreen({ sessionId, navigate }: { sessionId: string; navigate: Navigate }) {
  const api = useApi();
  const [session, setSession] = useState<SessionDetail | null>(null);
  const [people, setPeople] = useState<Person[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<'saving' | 'saved' | null>(null);

  useEffect(() => {
    let live = true;
    api.sessions
      .get({ sessionId })
      .then((detail) => {
        if (!live) return;
        setSession(detail);
        setPeople(detail.people);
      })
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [api, sessionId]);

  // The choice shows at once; main's answer then replaces the list (or the old choice comes back with the error).
  const assign = async (personId: string, role: Role) => {
    const before = people;
    setError(null);
    setSaved('saving');
    setPeople(before.map((p) => (p.id === personId ? { ...p, role } : p)));
    try {
      setPeople(await api.people.assignRole({ sessionId, personId, role }));
      setSaved('saved');
    } catch (e) {
      setPeople(before);
      setSaved(null);
      setError(errorMessage(e));
    }
  };

  return (
    <section aria-labelledby="roles-title" className="narrow">
      <h1 id="roles-title" tabIndex={-1}>
        Who is who
      </h1>
      {session && <p className="file-name">{session.fileName}</p>}
      <p className="hint">
        Tell Attune who each person is. Markers are shown for the client; the therapist’s own face and voice help explain them. If
        only one person is in the recording, that is fine — mark them as the client.
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {session && people.length === 0 && <p className="empty">No face was found in this recording, so there is no one to name. The voice analysis is still available.</p>}
      <ul className="people">
        {people.map((person, index) => (
          <PersonCard key={person.id} sessionId={sessionId} person={person} number={index + 1} onAssign={(role) => void assign(person.id, role)} />
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" className="primary" disabled={!session} onClick={() => navigate({ screen: 'review', sessionId })}>
          Continue to review
        </button>
        <span className="save-state" role="status">
          {saved === 'saving' ? 'Saving…' : saved === 'saved' ? 'Saved.' : ''}
        </span>
      </div>
    </section>
  );
}

interface CardProps {
  sessionId: string;
  person: Person;
  number: number;
  onAssign: (role: Role) => void;
}

function PersonCard({ sessionId, person, number, onAssign }: CardProps) {
  const api = useApi();
  const [thumbnail, setThumbnail] = useState<string | null>(null);

  // Always asked for: `hasThumbnail` only says whether main has one cached; it cuts one from the
  // recording on the first request.
  useEffect(() => {
    if (person.offCamera) return;
    let live = true;
    api.people
      .thumbnail({ sessionId, personId: person.id })
      .then((url) => live && setThumbnail(url))
      .catch(() => undefined); // The card still works without a picture; the roles are what matter.
    return () => {
      live = false;
    };
  }, [api, sessionId, person.id, person.offCamera]);

  const legendId = `person-${person.id}`;
  return (
    <li className="card person" data-person-id={person.id}>
      <div className="thumb">
        {thumbnail ? <img src={thumbnail} alt={`Face of person ${number}`} /> : <span aria-hidden="true">{person.offCamera ? '🔊' : '?'}</span>}
      </div>
      <fieldset aria-labelledby={legendId}>
        <legend id={legendId}>{person.offCamera ? 'Voice off camera (heard, never in view)' : `Person ${number}`}</legend>
        {ROLES.map((role) => (
          <div className="check" key={role}>
            <input
              type="radio"
              id={`${legendId}-${role}`}
              name={legendId}
              checked={person.role === role}
              onChange={() => onAssign(role)}
            />
            <label htmlFor={`${legendId}-${role}`}>{ROLE_WORDS[role]}</label>
          </div>
        ))}
      </fieldset>
    </li>
  );
}
