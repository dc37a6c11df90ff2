/** Pairing two analyses' markers: same kind, same person, moments within the tolerance, one to one. */
import assert from 'node:assert/strict';
import { test } from 'vitest';
import type { Marker } from '../../lib/analysis/types.ts';
import { markerOnset } from '../../lib/analysis/marker-onset.ts';
import { markerAgreement } from '../../lib/fusion/marker-agreement.ts';

function marker(id: string, kind: string, personId: string | null, startSec: number, changeSec?: number): Marker {
  return { id, kind, personId, startSec, endSec: startSec + 2, modality: ['face'], score: 1, summary: '', cues: [], ...(changeSec === undefined ? {} : { changeSec }) };
}

const ids = (markers: readonly Marker[]): string[] => markers.map((m) => m.id);

test('a shift is placed at its moment of change, any other marker at its start', () => {
  assert.equal(markerOnset(marker('a', 'shift', 'p1', 10, 14.5)), 14.5);
  assert.equal(markerOnset(marker('b', 'brief', 'p1', 10)), 10);
});

test('markers are the same only with the same kind, the same person and moments within the tolerance', () => {
  const reference = [marker('r1', 'brief', 'p1', 10), marker('r2', 'brief', 'p1', 20), marker('r3', 'shift', 'p2', 0, 30), marker('r4', 'brief', null, 40)];
  const other = [marker('o1', 'brief', 'p1', 11), marker('o2', 'shift', 'p1', 0, 20), marker('o3', 'shift', 'p2', 0, 31.5), marker('o4', 'brief', null, 39.2)];
  const agreement = markerAgreement(reference, other);
  assert.deepEqual(agreement.found.map((p) => [p.reference.id, p.other.id]), [['r1', 'o1'], ['r4', 'o4']]);
  assert.deepEqual(ids(agreement.missed), ['r2', 'r3'], 'another kind at the same moment, and a moment 1.5 s away, are not the same');
  assert.deepEqual(ids(agreement.extra), ['o2', 'o3']);
  assert.deepEqual(ids(markerAgreement(reference, other, { toleranceSec: 2 }).missed), ['r2']);
});

test('one marker never accounts for two: the closest pairs are made first', () => {
  const reference = [marker('r1', 'brief', 'p1', 10), marker('r2', 'brief', 'p1', 11)];
  const other = [marker('o1', 'brief', 'p1', 10.9)];
  const agreement = markerAgreement(reference, other);
  assert.deepEqual(agreement.found.map((p) => [p.reference.id, p.other.id]), [['r2', 'o1']]);
  assert.deepEqual(ids(agreement.missed), ['r1']);
  assert.deepEqual(agreement.extra, []);
});

test('a copy that starts later is compared at the reference times', () => {
  const reference = [marker('r1', 'brief', 'p1', 10)];
  const later = [marker('o1', 'brief', 'p1', 8.6)];
  assert.equal(markerAgreement(reference, later).found.length, 0);
  assert.equal(markerAgreement(reference, later, { offsetSec: 0.5 }).found.length, 1);
});
