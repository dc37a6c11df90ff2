/** Validates analysis.json against the public JSON Schema (2020-12) with a real validator, and checks the format's rules. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Analysis } from '../../lib/analysis/types.ts';
import { SHARED } from './paths.ts';

const schema = JSON.parse(readFileSync(join(SHARED, 'docs', 'analysis.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

export function assertValidAnalysis(analysis: unknown): asserts analysis is Analysis {
  const ok = validate(analysis);
  assert.ok(ok, `analysis.json does not match the schema: ${JSON.stringify(validate.errors?.slice(0, 5))}`);
  const a = analysis as Analysis;
  const features = new Set<string>();
  for (const face of a.tracks.face) {
    features.add('headYawDeg').add('headPitchDeg').add('headRollDeg');
    for (const name of Object.keys(face.blendshapes)) features.add(name);
    if (face.regionMotion) features.add('regionMotion');
    for (const [name, column] of Object.entries(face)) {
      if (Array.isArray(column)) assert.equal(column.length, face.t.length, `face column ${name} has the wrong length`);
    }
  }
  for (const voice of a.tracks.voice) {
    features.add('f0Hz').add('loudnessDb');
    for (const [name, column] of Object.entries(voice)) {
      if (Array.isArray(column)) assert.equal(column.length, voice.t.length, `voice column ${name} has the wrong length`);
    }
  }
  for (const body of a.tracks.body ?? []) {
    assert.ok(a.tracks.face.some((f) => f.personId === body.personId), `body track names a tracked person ${body.personId}`);
    for (const [name, column] of Object.entries(body)) {
      if (!Array.isArray(column)) continue;
      assert.equal(column.length, body.t.length, `body column ${name} has the wrong length`);
      if (name !== 't' && name !== 'presence') features.add(name);
    }
  }
  for (const pair of a.tracks.interaction ?? []) {
    features.add(pair.kind === 'head-movement-synchrony' ? 'headMovementSynchrony' : 'bodyMovementSynchrony');
    for (const name of ['synchronyZ', 'lagSec', 'aboveChance'] as const) {
      assert.equal(pair[name].length, pair.t.length, `interaction column ${name} has the wrong length`);
    }
    for (const id of pair.personIds) assert.ok(a.tracks.face.some((f) => f.personId === id), `interaction names a tracked person ${id}`);
  }
  let previous = 0;
  for (const m of a.markers) {
    assert.ok(m.startSec >= previous, 'markers are sorted by startSec');
    previous = m.startSec;
    assert.ok(m.startSec <= m.endSec && m.endSec <= a.source.durationSec + 1e-6, `marker ${m.id} lies within the media`);
    for (const cue of m.cues) assert.ok(features.has(cue.feature), `marker ${m.id} cue ${cue.feature} names a track feature`);
  }
}
