import assert from 'node:assert/strict';
import { test } from 'vitest';
import type { ExportedNote } from '../../lib/export/notes-file.ts';
import { mergeNotes } from '../../lib/notes/merge-notes.ts';

const note = (id: string, text: string, updatedAt: string, extra: Partial<ExportedNote> = {}): ExportedNote => ({
  id,
  authorRole: 'therapist',
  authorName: 'T. Lind',
  startSec: 10,
  endSec: 10,
  markerId: null,
  text,
  tag: null,
  rating: null,
  ratingScale: null,
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt,
  ...extra,
});

test('new notes from the package are added; notes only here stay; identical ones change nothing', () => {
  const mine = [note('a', 'mine', '2026-12-01T09:00:00.000Z'), note('b', 'both', '2026-12-01T09:00:00.000Z')];
  const theirs = [note('b', 'both', '2026-12-01T09:00:00.000Z'), note('s1', 'Look at her hands here', '2026-12-02T10:00:00.000Z', { authorRole: 'supervisor', authorName: 'Dr. S.', rating: 3, ratingScale: 'x' })];
  const merged = mergeNotes(mine, theirs);
  assert.deepEqual(merged.write.map((n) => n.id), ['s1']);
  assert.deepEqual([merged.added, merged.updated, merged.keptHere, merged.unchanged], [1, 0, 0, 1]);
});

test('the later edit wins whichever side made it; at the same instant this library’s version stays', () => {
  const mine = [
    note('older-here', 'first words', '2026-12-01T09:00:00.000Z'),
    note('newer-here', 'I changed this after sending', '2026-12-03T09:00:00.000Z'),
    note('same-time', 'mine', '2026-12-02T09:00:00.000Z'),
  ];
  const theirs = [
    note('older-here', 'first words, and the supervisor’s tag', '2026-12-02T11:00:00.000Z', { tag: 'repair' }),
    note('newer-here', 'what I sent', '2026-12-01T09:00:00.000Z'),
    note('same-time', 'theirs', '2026-12-02T09:00:00.000Z'),
  ];
  const merged = mergeNotes(mine, theirs);
  assert.deepEqual(merged.write.map((n) => [n.id, n.text, n.tag]), [['older-here', 'first words, and the supervisor’s tag', 'repair']]);
  assert.deepEqual([merged.added, merged.updated, merged.keptHere, merged.unchanged], [0, 1, 2, 0]);
});

test('a change in any field counts as a difference, not only the words', () => {
  const at = '2026-12-01T09:00:00.000Z';
  const later = '2026-12-01T09:00:01.000Z';
  for (const change of [{ rating: 4 }, { endSec: 12 }, { markerId: 'm2' }, { tag: 'rupture' }, { authorName: 'Tove' }] as Partial<ExportedNote>[]) {
    const merged = mergeNotes([note('n', 'x', at)], [note('n', 'x', later, change)]);
    assert.equal(merged.updated, 1, JSON.stringify(change));
  }
});

test('a note back unedited from a de-identified package (its author’s name left out) is unchanged; edited later, it is an update', () => {
  const at = '2026-12-01T09:00:00.000Z';
  const unedited = mergeNotes([note('n', 'x', at)], [note('n', 'x', at, { authorName: 'Therapist' })]);
  assert.deepEqual([unedited.write.length, unedited.unchanged, unedited.keptHere], [0, 1, 0], 'the name here stays');
  const edited = mergeNotes([note('n', 'x', at)], [note('n', 'x — and more', '2026-12-02T09:00:00.000Z', { authorName: 'Therapist' })]);
  assert.equal(edited.updated, 1);
  const sameTimeOtherWords = mergeNotes([note('n', 'x', at)], [note('n', 'y', at, { authorName: 'Therapist' })]);
  assert.equal(sameTimeOtherWords.keptHere, 1, 'a real difference at the same instant still keeps this library’s version');
});
