import { test } from 'vitest';
import assert from 'node:assert/strict';
import { InOrder } from '../../lib/workers/in-order.ts';

test('results finishing out of order are released in request order', () => {
  const out: string[] = [];
  const ordered = new InOrder<string>((v) => out.push(v));
  ordered.put(2, 'c');
  ordered.put(1, 'b');
  assert.deepEqual(out, []);
  assert.equal(ordered.held, 2);
  ordered.put(0, 'a');
  assert.deepEqual(out, ['a', 'b', 'c']);
  ordered.put(3, 'd');
  assert.deepEqual(out, ['a', 'b', 'c', 'd']);
  assert.equal(ordered.held, 0);
});
