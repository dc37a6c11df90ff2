import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cueSentence, featureWords, missedBecauseSentence, unusualness } from '../../renderer/review/marker-words.ts';

test('feature names read as everyday words', () => {
  assert.equal(featureWords('mouthSmileLeft'), 'smile (left)');
  assert.equal(featureWords('f0Hz'), 'voice pitch');
  assert.equal(featureWords('someNewFeature'), 'some new feature');
});

test('an evidence line says what changed, before → after, and how unusual it was, without jargon', () => {
  const line = cueSentence({ feature: 'mouthSmileLeft', before: 0.41, after: 0.05, z: -3.2 });
  assert.equal(
    line,
    'Smile (left) fell: 41 of 100 → 5 of 100 — well outside what is usual for this person (a change about 3.2 times their usual variation; rare in ordinary moments).',
  );
  assert.ok(!/z-?score|sigma|standard deviation/i.test(line));
  assert.match(cueSentence({ feature: 'f0Hz', before: 196, after: 171, z: -2.4 }), /^Voice pitch fell: 196 Hz → 171 Hz — outside what is usual/);
});

test('unusualness grows with the size of the change in either direction', () => {
  assert.match(unusualness(0.5), /^within this person's usual range/);
  assert.match(unusualness(-1.4), /^somewhat unusual/);
  assert.match(unusualness(5), /^far outside/);
  assert.equal(unusualness(null), 'could not be compared with their usual range');
});

test('reasons a marker was easy to miss become one sentence', () => {
  assert.equal(missedBecauseSentence(undefined), null);
  assert.equal(
    missedBecauseSentence(['brief', 'therapist-speaking']),
    'It was brief — over in about a second; and it happened while the therapist was speaking.',
  );
});
