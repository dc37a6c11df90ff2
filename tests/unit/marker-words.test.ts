import assert from 'node:assert/strict';
import { test } from 'vitest';
import type { Cue } from '../../lib/analysis/types.ts';
import { evidenceLines, kindWords, unusualness } from '../../lib/analysis/marker-words.ts';
import { missedLines, missedSummary } from '../../lib/analysis/missed-words.ts';
import type { Marker } from '../../lib/analysis/types.ts';

test('feature names read as everyday words; unknown ones are split into words, never shown raw', () => {
  const [known, unknown] = evidenceLines([
    { feature: 'jawOpen', before: 0.1, after: 0.3, z: 1.5 },
    { feature: 'someNewFeature', before: 0.2, after: 0.1, z: -1 },
  ]);
  assert.match(known!, /^Mouth opening rose: /);
  assert.match(unknown!, /^Some new feature fell: /);
});

test('an evidence line says what changed, before → after, and how unusual it was, without jargon', () => {
  const [line] = evidenceLines([{ feature: 'f0Hz', before: 196, after: 171, z: -2.4 }]);
  assert.equal(line, 'Voice pitch fell: 196 → 171 Hz — outside what is usual for this person (a change about 2.4 times their usual variation).');
  assert.ok(!/z-?score|sigma|standard deviation/i.test(line!));
});

test('the left and right feature of one cue read as one line', () => {
  const lines = evidenceLines([
    { feature: 'mouthSmileLeft', before: 0.41, after: 0.05, z: -3.2 },
    { feature: 'mouthSmileRight', before: 0.38, after: 0.06, z: -3.2 },
    { feature: 'loudnessDb', before: -21.3, after: -30.5, z: -1.4 },
  ]);
  assert.deepEqual(lines, [
    'Smile fell: left 41 → 5, right 38 → 6 out of 100 — well outside what is usual for this person (a change about 3.2 times their usual variation; rare in ordinary moments).',
    'Loudness fell: -21.3 → -30.5 dB — somewhat unusual for this person (a change about 1.4 times their usual variation).',
  ]);
});

test('a sideways glance, reported as one eye in and the other out, reads as one line', () => {
  const lines = evidenceLines([
    { feature: 'eyeLookInRight', before: 0.38, after: 0.16, z: -8.815 },
    { feature: 'eyeLookOutLeft', before: 0.364, after: 0.186, z: -8.815 },
  ]);
  assert.deepEqual(lines, [
    'Looking to the side fell: eye turned inward (right) 38 → 16, eye turned outward (left) 36 → 19 out of 100 — far outside what is usual for this person (a change about 8.8 times their usual variation).',
  ]);
});

test('speeds, spreads and shares are worded as what they measure', () => {
  // Fusion adds `measure` to each cue (lib/fusion/cue-types.ts EvidenceCue).
  const cues: (Cue & { measure: string })[] = [
    { feature: 'headYawDeg', before: 4, after: 19, z: 2.2, measure: 'speed' },
    { feature: 'f0Hz', before: 22, after: 9, z: -1.8, measure: 'spread' },
    { feature: 'speech', before: 0.8, after: 0.35, z: -1.2, measure: 'share' },
  ];
  const [speed, spread, share] = evidenceLines(cues);
  assert.match(speed!, /^Speed of head turn \(side to side\) rose: 4 → 19°\/s — /);
  assert.match(spread!, /^Pitch variation fell: 22 → 9 Hz — /);
  assert.match(share!, /^Time spent speaking fell: 80% → 35% of the time — /);
});

test('unusualness grows with the size of the change in either direction', () => {
  assert.match(unusualness(0.5), /^within this person's usual range/);
  assert.match(unusualness(-1.4), /^somewhat unusual/);
  assert.match(unusualness(5), /^far outside/);
  assert.equal(unusualness(null), 'could not be compared with their usual range');
});

test('each reason a change was easy to miss is a sentence with its times, to the therapist or about them', () => {
  const marker: Marker = {
    id: 'm1', startSec: 10.1, endSec: 11.1, personId: 'p1', modality: ['face'], kind: 'brief', score: 0.8, summary: 'Brief (1.0 s): smile', cues: [],
    missedBecause: ['brief', 'therapist-speaking', 'no-response'],
    missedEvidence: [
      { reason: 'therapist-speaking', startSec: 9.6, endSec: 10.6, text: '' },
      { reason: 'no-response', startSec: 10.1, endSec: 15.1, text: '' },
    ],
  };
  assert.deepEqual(missedLines(marker, 'therapist'), [
    'It was brief (1.0 s): over before it registers.',
    'It began while you were speaking (0:09.6–0:10.6).',
    'Nothing in your face, voice or turn-taking changed in the 5 s after it began (0:10.1–0:15.1).',
  ]);
  assert.equal(missedLines(marker, 'others')[1], 'It began while the therapist was speaking (0:09.6–0:10.6).');
  assert.deepEqual(missedLines({ ...marker, missedBecause: undefined }, 'others'), []);
  assert.deepEqual(missedLines({ ...marker, missedBecause: ['during-silence'] }, 'others'), ['During silence.'], 'an unknown reason is still shown');
  const plain = { ...marker, kind: 'shift', missedBecause: ['therapist-speaking'] };
  assert.deepEqual(missedSummary([marker, plain, { ...plain, missedBecause: [] }], 'therapist'), [
    '1 of 3 changes were brief.',
    '2 of 3 changes began while you were speaking.',
    '1 of 3 changes were followed by no change in your face or voice.',
  ]);
});

test('a drop in synchrony is worded for the pair, as a correlation', () => {
  const [line] = evidenceLines([{ feature: 'headMovementSynchrony', before: 1.5416, after: 0.2397, z: -1.7755, measure: 'level' }]);
  assert.equal(
    line,
    'Moving in step (head movement) fell: 0.91 → 0.24 (0 = unrelated, 1 = perfectly together) — somewhat unusual for these two people (a change about 1.8 times their usual variation).',
  );
  assert.equal(kindWords('synchrony-drop'), 'Moving in step stopped');
  assert.match(unusualness(0.2, 'these two people'), /^within these two people' usual range/);
});
