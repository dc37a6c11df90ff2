/**
 * The library's settings for review: who writes notes on this machine (a supervisor's own Attune writes as
 * supervisor), the names that go with each role, and the tags offered on notes. Kept in the encrypted
 * library; the idle lock (LockSettings.tsx). The rating scale in use is shown here too; a service changes
 * it with its own file.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { DEFAULT_NOTE_TAGS, NOTE_AUTHOR_ROLES, NOTE_TAG_MAX, NOTE_TAGS_MAX, type ReviewSettings, type ScaleInfo } from '../../lib/ipc/supervision-channels.ts';
import { errorMessage, useApi } from '../app/api-context.ts';
import { AUTHOR_WORDS } from '../review/author-words.ts';
import { LockSettings } from './LockSettings.tsx';

export function SettingsScreen() {
  const api = useApi();
  const ids = useId();
  const [settings, setSettings] = useState<ReviewSettings | null>(null);
  const [scale, setScale] = useState<ScaleInfo | null>(null);
  const [newTag, setNewTag] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([api.notes.settings(), api.notes.scale()])
      .then(([s, sc]) => {
        setSettings(s);
        setScale(sc);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [api]);

  if (!settings) {
    return (
      <section aria-labelledby="settings-title">
        <h1 id="settings-title" tabIndex={-1}>
          Settings
        </h1>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : (
          <p aria-live="polite">Loading…</p>
        )}
      </section>
    );
  }

  const change = (patch: Partial<ReviewSettings>) => {
    setSettings({ ...settings, ...patch });
    setStatus(null);
  };
  const tagTaken = (tag: string) => settings.tags.some((t) => t.toLocaleLowerCase() === tag.trim().toLocaleLowerCase());
  const addTag = () => {
    const tag = newTag.trim();
    if (tag === '') return;
    if (tagTaken(tag)) {
      setError(`“${tag}” is already in the list.`);
      return;
    }
    change({ tags: [...settings.tags, tag] });
    setNewTag('');
    setError(null);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setSettings(await api.notes.saveSettings(settings));
      setStatus('Saved.');
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section aria-labelledby="settings-title" className="settings">
      <h1 id="settings-title" tabIndex={-1}>
        Settings
      </h1>
      <form onSubmit={(e) => void save(e)} aria-label="Notes and ratings">
        <fieldset>
          <legend>Who writes notes on this computer</legend>
          <p className="muted">New notes start with this role and name; each note can still say otherwise.</p>
          {NOTE_AUTHOR_ROLES.map((role) => (
            <label key={role} className="check">
              <input type="radio" name={`${ids}-role`} checked={settings.writingAs === role} onChange={() => change({ writingAs: role })} />{' '}
              {AUTHOR_WORDS[role]}
            </label>
          ))}
          {NOTE_AUTHOR_ROLES.map((role) => (
            <label key={role} className="field">
              {AUTHOR_WORDS[role]}’s name{' '}
              <input
                maxLength={80}
                value={settings.names[role]}
                onChange={(e) => change({ names: { ...settings.names, [role]: e.target.value } })}
              />
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Tags offered on notes</legend>
          <p className="muted">A note can also carry any other word; these are the ones offered.</p>
          {settings.tags.length === 0 && <p className="empty">No tags are offered.</p>}
          <ul className="tag-list">
            {settings.tags.map((tag) => (
              <li key={tag}>
                <span className="note-tag">{tag}</span>{' '}
                <button type="button" aria-label={`Remove the tag ${tag}`} onClick={() => change({ tags: settings.tags.filter((t) => t !== tag) })}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
          <label className="field">
            New tag{' '}
            <input
              maxLength={NOTE_TAG_MAX}
              value={newTag}
              onChange={(e) => setNewTag(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addTag();
                }
              }}
            />
          </label>{' '}
          <button type="button" onClick={addTag} disabled={newTag.trim() === '' || settings.tags.length >= NOTE_TAGS_MAX}>
            Add tag
          </button>{' '}
          <button type="button" onClick={() => change({ tags: [...DEFAULT_NOTE_TAGS] })}>
            Offer Attune’s four tags again
          </button>
        </fieldset>
        <div className="note-actions">
          <button type="submit" className="primary">
            Save settings
          </button>
          <span role="status">{status}</span>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </form>
      <LockSettings />
      {scale && (
        <section aria-labelledby={`${ids}-scale`}>
          <h2 id={`${ids}-scale`}>Rating scale: {scale.scale.name}</h2>
          {scale.problem && (
            <p className="error" role="note">
              {scale.problem}
            </p>
          )}
          <dl className="scale-levels">
            {scale.scale.levels.map((level) => (
              <div key={level.value}>
                <dt>
                  {level.value} · {level.label}
                </dt>
                <dd>{level.anchor}</dd>
              </div>
            ))}
          </dl>
          <p className="muted">
            A service can rate on its own scale: a file named rating-scale.json in Attune’s profile folder, read at start (its format is in
            the user guide).
          </p>
        </section>
      )}
    </section>
  );
}
