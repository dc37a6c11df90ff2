/**
 * What a de-identified package leaves out besides the picture and the voice: the recording's file name
 * (often the client's name or a date), the names of the notes' authors and of the person who consented.
 * The recording's fingerprint stays — it names a file, not a person, and lets the notes come back to
 * the right session. Free text (a note that names someone) cannot be judged by a program: the CLI and
 * the docs ask the sender to read the notes first.
 */
import { extname } from 'node:path';
import type { Analysis } from '../../lib/analysis/types.ts';
import type { NotesFile } from '../../lib/export/notes-file.ts';
import type { ConsentRecord } from '../../lib/ipc/contract.ts';

const AUTHOR_WORD = { therapist: 'Therapist', supervisor: 'Supervisor' } as const;
export const CONSENTED_BY_LEFT_OUT = 'the client (name left out)';

export function withoutNames(analysis: Analysis, notes: NotesFile | null, consent: ConsentRecord | null) {
  return {
    analysis: { ...analysis, source: { ...analysis.source, file: `recording${extname(analysis.source.file).toLowerCase()}` } },
    notes: notes && { ...notes, notes: notes.notes.map((note) => ({ ...note, authorName: AUTHOR_WORD[note.authorRole] })) },
    consent: consent && { ...consent, consentedBy: CONSENTED_BY_LEFT_OUT },
  };
}
