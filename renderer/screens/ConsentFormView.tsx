/** The consent record: who consented, when, to what, and for how long the data may be kept. */
import { useMemo, useReducer, useState } from 'react';
import type { ConsentPurpose } from '../../lib/ipc/contract.ts';
import { errorMessage, useApi } from '../app/api-context.ts';
import { dayWords } from '../app/format.ts';
import {
  consentProblems,
  consentReducer,
  emptyConsent,
  localDay,
  retainUntil,
  RETENTION_CHOICES,
  type RetentionChoice,
} from '../state/consent-form.ts';

// Keyed by the contract's purpose type, so a purpose added there fails to compile here until it has words.
// (The renderer imports only types from the contract: its validators must not ship in this bundle.)
const PURPOSE_WORDS: Record<ConsentPurpose, { label: string; hint: string }> = {
  'self-review': { label: 'My own review', hint: 'You look back at the session yourself.' },
  supervision: { label: 'Supervision', hint: 'You discuss it with your supervisor or peer group.' },
  research: { label: 'Research', hint: 'It may be used in an approved research project.' },
};
const PURPOSES = Object.keys(PURPOSE_WORDS) as ConsentPurpose[];

const RETENTION_WORDS: Record<Exclude<RetentionChoice, ''>, string> = {
  '1': '1 month',
  '3': '3 months',
  '6': '6 months',
  '12': '1 year',
  '24': '2 years',
  date: 'Until a date I enter',
};

interface Props {
  sessionId: string;
  modelsReady: boolean;
  onStarted: () => void;
}

export function ConsentFormView({ sessionId, modelsReady, onStarted }: Props) {
  const api = useApi();
  const today = useMemo(() => localDay(new Date()), []);
  const [form, dispatch] = useReducer(consentReducer, today, emptyConsent);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problems = consentProblems(form, today);
  if (!modelsReady) problems.push('The analysis models are not installed yet (see the user guide).');
  const until = retainUntil(form);

  const start = async () => {
    if (problems.length > 0 || until === null) return;
    setBusy(true);
    setError(null);
    try {
      await api.sessions.recordConsent({
        sessionId,
        consentedBy: form.consentedBy.trim(),
        consentedAt: form.consentedAt,
        purposes: [...form.purposes],
        retainUntil: until,
      });
      await api.sessions.startAnalysis({ sessionId });
      onStarted();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <form
      className="card consent"
      aria-labelledby="consent-title"
      onSubmit={(event) => {
        event.preventDefault();
        void start();
      }}
    >
      <h2 id="consent-title">The client’s consent</h2>
      <p className="hint">Attune analyses a recording only with the client’s consent. This record is kept with the session.</p>

      <label htmlFor="consented-by">Who gave consent?</label>
      <input
        id="consented-by"
        type="text"
        autoComplete="off"
        maxLength={200}
        placeholder="Client’s name or reference"
        value={form.consentedBy}
        onChange={(e) => dispatch({ type: 'set', field: 'consentedBy', value: e.target.value })}
      />

      <label htmlFor="consented-at">When was consent given?</label>
      <input
        id="consented-at"
        type="date"
        max={today}
        value={form.consentedAt}
        onChange={(e) => dispatch({ type: 'set', field: 'consentedAt', value: e.target.value })}
      />

      <fieldset>
        <legend>What did the client agree to?</legend>
        {PURPOSES.map((purpose) => (
          <div className="check" key={purpose}>
            <input
              id={`purpose-${purpose}`}
              type="checkbox"
              checked={form.purposes.includes(purpose)}
              aria-describedby={`purpose-${purpose}-hint`}
              onChange={(e) => dispatch({ type: 'purpose', purpose, checked: e.target.checked })}
            />
            <label htmlFor={`purpose-${purpose}`}>{PURPOSE_WORDS[purpose].label}</label>
            <span id={`purpose-${purpose}-hint`} className="hint">
              {PURPOSE_WORDS[purpose].hint}
            </span>
          </div>
        ))}
      </fieldset>

      <label htmlFor="retention">How long may the data be kept?</label>
      <select id="retention" value={form.retention} onChange={(e) => dispatch({ type: 'retention', value: e.target.value as RetentionChoice })}>
        <option value="">Choose…</option>
        {RETENTION_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {RETENTION_WORDS[choice]}
          </option>
        ))}
      </select>
      {form.retention === 'date' && (
        <>
          <label htmlFor="retain-until">Keep until</label>
          <input
            id="retain-until"
            type="date"
            min={today}
            value={form.retainUntilDate}
            onChange={(e) => dispatch({ type: 'set', field: 'retainUntilDate', value: e.target.value })}
          />
        </>
      )}
      {until && <p className="hint">The session may be kept until {dayWords(until)}; delete it from the Sessions list after that.</p>}

      <div className="check confirm-consent">
        <input id="confirm-consent" type="checkbox" checked={form.confirmed} onChange={(e) => dispatch({ type: 'confirm', checked: e.target.checked })} />
        <label htmlFor="confirm-consent">
          I confirm the client gave informed consent for this recording to be analysed on this computer, for the purposes ticked
          above.
        </label>
      </div>

      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={problems.length > 0 || busy} aria-describedby={problems.length > 0 ? 'consent-missing' : undefined}>
          {busy ? 'Starting…' : 'Start analysis'}
        </button>
        {problems.length > 0 && (
          <div id="consent-missing" className="missing">
            <p>Before starting:</p>
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </form>
  );
}
