/** The session's notes, loaded once and again after each change; shared by the notes panel and the timeline's lane. */
import { useCallback, useEffect, useState } from 'react';
import type { Note } from '../../lib/ipc/supervision-channels.ts';
import { errorMessage, useApi } from '../app/api-context.ts';

export function useNotes(sessionId: string) {
  const api = useApi();
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const reload = useCallback(() => {
    api.notes
      .list({ sessionId })
      .then((list) => {
        setNotes(list);
        setLoadError(null);
      })
      .catch((e: unknown) => setLoadError(errorMessage(e)));
  }, [api, sessionId]);
  useEffect(reload, [reload]);
  return { notes, reload, loadError };
}
