/** "Are you sure?" before a session is deleted, saying exactly what goes and what stays. */
import { useEffect, useRef, useState } from 'react';
import type { SessionSummary } from '../../lib/ipc/contract.ts';

interface Props {
  session: SessionSummary;
  busy: boolean;
  /** `withdrawn`: the client withdrew consent (the receipt says so). */
  onConfirm: (withdrawn: boolean) => void;
  onCancel: () => void;
}

export function DeleteDialog({ session, busy, onConfirm, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [withdrawn, setWithdrawn] = useState(false);
  useEffect(() => {
    const element = dialog.current;
    // A modal <dialog> traps focus and closes on Escape, which the browser does for us.
    element?.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="confirm"
      aria-labelledby="delete-title"
      aria-describedby="delete-what"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id="delete-title">Delete this session?</h2>
      <div id="delete-what">
        <p>
          <strong>{session.fileName}</strong>
        </p>
        <p>This permanently removes from Attune: the analysis and its markers, the people and their roles, and the consent record.</p>
        <p>Your recording file itself is not touched.</p>
        <label className="check">
          <input type="checkbox" checked={withdrawn} onChange={(e) => setWithdrawn(e.target.checked)} disabled={busy} /> The client has
          withdrawn consent (kept in the deletion receipt, with no details of the client)
        </label>
      </div>
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={onCancel} disabled={busy}>
          Keep it
        </button>
        <button type="button" className="danger" onClick={() => onConfirm(withdrawn)} disabled={busy}>
          {busy ? 'Deleting…' : 'Delete session'}
        </button>
      </div>
    </dialog>
  );
}
