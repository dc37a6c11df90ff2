import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { jsonChunks } from '../../lib/analysis/json-chunks.ts';
import { writeAnalysisAtomically } from '../../main/pipeline/write-analysis.ts';
import { knownAnalysis } from '../app/fixtures.ts';
import { scratch } from '../helpers/paths.ts';
import { seededRandom } from '../../lib/maths/seeded-random.ts';

const round4 = (_key: string, value: unknown): unknown =>
  typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1e4) / 1e4 : value;
const identity = (_key: string, value: unknown): unknown => value;
const joined = (value: unknown, replacer = round4): string => [...jsonChunks(value, replacer)].join('');

describe('jsonChunks', () => {
  it('joins to exactly what JSON.stringify gives, for every kind of plain value', () => {
    const odd = {
      text: 'quote " backslash \\ newline \n tab \t emoji 🙂 \u2028',
      numbers: [0, -0, 1e21, 1e-7, 0.123456789, -3.33333, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER],
      empty: { array: [], object: {} },
      nothing: null,
      skipped: undefined,
      fn: () => 1,
      holes: [undefined, () => 2, null, true, false],
      nested: [[1, [2, [3]]], { a: [{ b: null }] }],
      'key with "quotes"': 1,
    };
    for (const replacer of [round4, identity]) assert.equal(joined(odd, replacer), JSON.stringify(odd, replacer));
  });

  it('matches JSON.stringify on arrays longer than one run, plain and mixed', () => {
    const random = seededRandom(7);
    const plain = Array.from({ length: 10_001 }, (_, i) => (i % 97 === 0 ? null : random() * 100 - 50));
    const mixed = Array.from({ length: 9_000 }, (_, i) => (i % 5000 === 0 ? { at: i, v: random() } : random()));
    assert.equal(joined(plain), JSON.stringify(plain, round4));
    assert.equal(joined(mixed), JSON.stringify(mixed, round4));
  });

  it('matches on a whole analysis, an hour of face and voice columns included', () => {
    const analysis = knownAnalysis('cd'.repeat(32));
    const random = seededRandom(11);
    const hour = Array.from({ length: 18_000 }, (_, i) => (i % 50 === 0 ? null : random()));
    const long = { ...analysis, tracks: { ...analysis.tracks, extra: { t: hour.map((_, i) => i * 0.2), v: hour } } };
    assert.equal(joined(long), JSON.stringify(long, round4));
  });

  it('gives many small pieces, never the whole document as one', () => {
    const pieces = [...jsonChunks({ a: Array.from({ length: 20_000 }, (_, i) => i / 3) }, round4)];
    assert.ok(pieces.length >= 5, `${pieces.length} pieces`);
    assert.ok(Math.max(...pieces.map((p) => p.length)) < 60_000);
  });
});

describe('writeAnalysisAtomically', () => {
  const work = scratch('json-write');
  afterAll(work.remove);
  it('writes the same bytes as one JSON.stringify with four decimals, plus a newline', async () => {
    const analysis = knownAnalysis('ef'.repeat(32));
    const path = await writeAnalysisAtomically(analysis, work.dir);
    assert.equal(readFileSync(path, 'utf8'), `${JSON.stringify(analysis, round4)}\n`);
  });
});
