/** Notes and ratings as the exports word them: who wrote it, its rating and tag, its words. */
import type { ExportedNote } from './notes-file.ts';

const AUTHOR = { therapist: 'Therapist', supervisor: 'Supervisor' } as const;

/** "Supervisor: Dr. S." — one EAF tier per author. */
export const authorLabel = (note: ExportedNote): string => `${AUTHOR[note.authorRole]}: ${note.authorName}`;

/** "[Empathic responding 4 on “…”] [missed cue] She paused here." */
export function noteWords(note: ExportedNote): string {
  const parts = [
    note.rating === null ? null : `[Empathic responding ${note.rating}${note.ratingScale ? ` on “${note.ratingScale}”` : ''}]`,
    note.tag ? `[${note.tag}]` : null,
    note.text.trim() || null,
  ];
  return parts.filter((p): p is string => p !== null).join(' ');
}
