/**
 * The "notice first" loop of a review: offered when a session with markers has never been noticed first;
 * while watching, presses collect in order; finishing sends them to main, which compares and keeps them.
 */
import { useCallback, useEffect, useState } from 'react';
import type { NoticeRun } from '../../lib/ipc/supervision-channels.ts';
import type { Press } from '../../lib/notice/compare.ts';
import { errorMessage, useApi } from '../app/api-context.ts';

export type NoticePhase =
  | { phase: 'loading' }
  | { phase: 'offer' }
  | { phase: 'watching'; presses: Press[] }
  | { phase: 'result'; run: NoticeRun }
  | { phase: 'off' };

/** Sessions whose offer was declined in this run of the app: not offered again on every visit. */
const declined = new Set<string>();

export function useNoticeFirst(sessionId: string, hasMarkers: boolean) {
  const api = useApi();
  const [notice, setNotice] = useState<NoticePhase>({ phase: 'loading' });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api.notice
      .latest({ sessionId })
      .then((run) => live && setNotice(run === null && hasMarkers && !declined.has(sessionId) ? { phase: 'offer' } : { phase: 'off' }))
      .catch(() => live && setNotice({ phase: 'off' }));
    return () => {
      live = false;
    };
  }, [api, sessionId, hasMarkers]);

  const withPresses = (change: (presses: Press[]) => Press[]) =>
    setNotice((n) => (n.phase === 'watching' ? { phase: 'watching', presses: change(n.presses) } : n));

  const finish = useCallback(
    async (presses: Press[]) => {
      try {
        const cleaned = presses.map((p) => ({ tSec: p.tSec, word: p.word?.trim() || null }));
        setNotice({ phase: 'result', run: await api.notice.save({ sessionId, presses: cleaned }) });
        setError(null);
      } catch (e) {
        setError(errorMessage(e));
      }
    },
    [api, sessionId],
  );

  return {
    notice,
    error,
    /** Markers, tracks and notes stay hidden until the therapist has decided, and while they watch. */
    hidesMarkers: notice.phase === 'loading' || notice.phase === 'offer' || notice.phase === 'watching',
    start: () => setNotice({ phase: 'watching', presses: [] }),
    stop: () => {
      declined.add(sessionId);
      setNotice({ phase: 'off' });
    },
    press: (tSec: number) => withPresses((presses) => [...presses, { tSec, word: null }].sort((a, b) => a.tSec - b.tSec)),
    setWord: (index: number, word: string) => withPresses((presses) => presses.map((p, i) => (i === index ? { ...p, word } : p))),
    remove: (index: number) => withPresses((presses) => presses.filter((_, i) => i !== index)),
    finish,
  };
}
