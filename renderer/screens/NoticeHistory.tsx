/**
 * The therapist's "notice first" history: each session's latest comparison, oldest first, so a change in
 * how much they and Attune notice alike can be seen over time. Hidden until there is one.
 */
import { useEffect, useState } from 'react';
import type { NoticeHistoryEntry } from '../../lib/ipc/supervision-channels.ts';
import { useApi } from '../app/api-context.ts';
import { dateWords } from '../app/format.ts';

export function NoticeHistory({ reloadKey }: { reloadKey: string }) {
  const api = useApi();
  const [entries, setEntries] = useState<NoticeHistoryEntry[]>([]);
  useEffect(() => {
    let live = true;
    api.notice
      .history()
      .then((list) => live && setEntries(list))
      .catch(() => live && setEntries([]));
    return () => {
      live = false;
    };
  }, [api, reloadKey]);
  if (entries.length === 0) return null;
  return (
    <section className="notice-history" aria-labelledby="notice-history-title">
      <h2 id="notice-history-title">Noticing first, over your sessions</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Recording</th>
            <th scope="col">You noticed</th>
            <th scope="col">Only you</th>
            <th scope="col">Agreement</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.sessionId}>
              <td>{dateWords(e.createdAt)}</td>
              <th scope="row">{e.fileName}</th>
              <td>
                {e.both} of {e.markers} marked change{e.markers === 1 ? '' : 's'}
              </td>
              <td>{e.presses - e.both}</td>
              <td>{e.agreement === null ? '—' : `${Math.round(e.agreement * 100)} %`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Agreement is the share of all noticed moments — yours and Attune’s — that the other also found. It is a starting point for
        reflection and supervision, not a score: Attune’s markers are not the truth.
      </p>
    </section>
  );
}
