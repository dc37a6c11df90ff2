/** One word for each role a note's author can have, for every screen that names it. */
import type { NoteAuthorRole } from '../../lib/ipc/supervision-channels.ts';

export const AUTHOR_WORDS: Record<NoteAuthorRole, string> = { therapist: 'Therapist', supervisor: 'Supervisor' };
