import assert from 'node:assert/strict';
import { test } from 'vitest';
import type { Analysis } from '../../lib/analysis/types.ts';
import { notesFile } from '../../lib/export/notes-file.ts';
import { withoutNames } from '../../main/package/leave-out-names.ts';

const analysis = { source: { file: 'Jane Doe 2026-11-30.MOV', sha256: 'a'.repeat(64), durationSec: 60, video: null, audio: null }, markers: [] } as unknown as Analysis;
const at = '2026-12-06T10:00:00.000Z';
const note = (authorRole: 'therapist' | 'supervisor', authorName: string) => ({
  id: `n-${authorRole}`, sessionId: 's', authorRole, authorName, startSec: 1, endSec: 2, markerId: null, text: 'a pause', tag: null, rating: null, ratingScale: null, createdAt: at, updatedAt: at,
});

test('the file name, the authors’ names and the consenting name are left out; the fingerprint and the rest stay', () => {
  const notes = notesFile(analysis.source.sha256, [note('therapist', 'Dr. A. Smith'), note('supervisor', 'Prof. B. Jones')], null);
  const consent = { consentedBy: 'Jane Doe', consentedAt: at, purposes: ['supervision' as const], retainUntil: '2027-01-01', recordedAt: at };
  const out = withoutNames(analysis, notes, consent);
  assert.equal(out.analysis.source.file, 'recording.mov');
  assert.equal(out.analysis.source.sha256, analysis.source.sha256);
  assert.deepEqual(out.notes?.notes.map((n) => n.authorName), ['Therapist', 'Supervisor']);
  assert.deepEqual(out.notes?.notes.map((n) => n.text), ['a pause', 'a pause']);
  assert.equal(out.consent?.consentedBy, 'the client (name left out)');
  assert.deepEqual(out.consent?.purposes, ['supervision']);
  const text = JSON.stringify(out);
  for (const name of ['Jane', 'Smith', 'Jones']) assert.equal(text.includes(name), false, `${name} is left out`);
  assert.deepEqual(withoutNames(analysis, null, null).notes, null);
});
