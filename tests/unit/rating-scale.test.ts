/** Rating scales: the default, a service's own from JSON, and the clear sentence for a bad one. */
import assert from 'node:assert/strict';
import { test } from 'vitest';
import { DEFAULT_SCALE, parseScale, ratingSummary, ScaleError } from '../../lib/ratings/scale.ts';

test('the default scale has five rising levels, each with a label and an anchor', () => {
  assert.deepEqual(DEFAULT_SCALE.levels.map((l) => l.value), [1, 2, 3, 4, 5]);
  assert.deepEqual(parseScale(JSON.stringify(DEFAULT_SCALE)), DEFAULT_SCALE, 'it passes its own check');
});

test('a service’s own scale is read; a bad one is refused with what is wrong', () => {
  const own = { name: 'Clinic empathy 0–3', levels: [0, 1, 2, 3].map((value) => ({ value, label: `L${value}`, anchor: `Anchor ${value}` })) };
  assert.deepEqual(parseScale(JSON.stringify(own)), own);
  const bad: [string, RegExp][] = [
    ['{', /not valid JSON/],
    ['[]', /must be an object/],
    [JSON.stringify({ ...own, name: '' }), /"name" must be text/],
    [JSON.stringify({ ...own, levels: own.levels.slice(0, 1) }), /2 to 10 levels/],
    [JSON.stringify({ ...own, levels: [own.levels[0], { value: 1.5, label: 'x', anchor: 'y' }] }), /level 2 needs a whole-number "value"/],
    [JSON.stringify({ ...own, levels: [own.levels[0], { value: 2, label: '', anchor: 'y' }] }), /level 2 needs a "label"/],
    [JSON.stringify({ ...own, levels: [own.levels[1], own.levels[0]] }), /must rise/],
  ];
  for (const [json, message] of bad) assert.throws(() => parseScale(json), (e: unknown) => e instanceof ScaleError && message.test(e.message), json);
});

test('a session’s ratings: mean and spread', () => {
  assert.equal(ratingSummary([]), null);
  assert.deepEqual(ratingSummary([4]), { count: 1, mean: 4, spread: null });
  assert.deepEqual(ratingSummary([2, 4, 4, 5]), { count: 4, mean: 3.75, spread: 1.26 });
});
