import assert from 'node:assert/strict';
import { test } from 'vitest';
import { consentProblems, consentReducer, emptyConsent, retainUntil, type ConsentAction } from '../../renderer/state/consent-form.ts';

const today = '2026-11-26';

function fill(...actions: ConsentAction[]) {
  return actions.reduce(consentReducer, emptyConsent(today));
}

test('an empty form lists everything that is missing, so Start stays disabled', () => {
  const problems = consentProblems(emptyConsent(today), today);
  assert.equal(problems.length, 4);
  assert.ok(problems.some((p) => p.includes('who gave consent')));
  assert.ok(problems.some((p) => p.includes('purpose')));
  assert.ok(problems.some((p) => p.includes('how long')));
  assert.ok(problems.some((p) => p.includes('informed consent')));
});

test('a complete form has no problems', () => {
  const form = fill(
    { type: 'set', field: 'consentedBy', value: 'A. Client' },
    { type: 'purpose', purpose: 'supervision', checked: true },
    { type: 'retention', value: '12' },
    { type: 'confirm', checked: true },
  );
  assert.deepEqual(consentProblems(form, today), []);
  assert.equal(retainUntil(form), '2027-11-26');
});

test('unticking the only purpose makes the form incomplete again', () => {
  const form = fill(
    { type: 'purpose', purpose: 'research', checked: true },
    { type: 'purpose', purpose: 'self-review', checked: true },
    { type: 'purpose', purpose: 'research', checked: false },
  );
  assert.deepEqual(form.purposes, ['self-review']);
  const none = consentReducer(form, { type: 'purpose', purpose: 'self-review', checked: false });
  assert.ok(consentProblems(none, today).some((p) => p.includes('purpose')));
});

test('consent cannot be dated in the future, and data cannot be kept until a past date', () => {
  const form = fill(
    { type: 'set', field: 'consentedBy', value: 'A. Client' },
    { type: 'set', field: 'consentedAt', value: '2026-12-01' },
    { type: 'purpose', purpose: 'supervision', checked: true },
    { type: 'retention', value: 'date' },
    { type: 'set', field: 'retainUntilDate', value: '2026-01-01' },
    { type: 'confirm', checked: true },
  );
  assert.deepEqual(consentProblems(form, today), [
    'The consent date cannot be in the future.',
    'The keep-until date must be after today.',
  ]);
});

test('a month later than 31 January is the end of February, not March', () => {
  const form = fill({ type: 'set', field: 'consentedAt', value: '2026-01-31' }, { type: 'retention', value: '1' });
  assert.equal(retainUntil(form), '2026-02-28');
});
