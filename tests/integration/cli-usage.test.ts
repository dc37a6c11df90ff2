/**
 * Wrong use of the real `attune` command: help where a user asks for it, and every mistake in the
 * arguments one sentence naming the option, exit 2 (wrong usage), before any work and with nothing written.
 */
import { afterAll, describe, test } from 'vitest';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { scratch, video } from '../helpers/paths.ts';

const tmp = scratch('cli-usage');
afterAll(tmp.remove);
const out = join(tmp.dir, 'out');
const clip = video('01-01-03-01-01-02-05.mp4');

describe('help', () => {
  for (const args of [['--help'], ['analyze', '--help'], ['export', 'x.json', '-h'], ['package', 'create', '--help'], ['roles', '-h']]) {
    test(`attune ${args.join(' ')} prints the usage and exits 0`, async () => {
      const run = await runCli(args, out, 30_000);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^Usage:\n {2}attune analyze <recording>/);
      assert.equal(run.stderr, '');
    });
  }
});

describe('mistakes in the arguments', () => {
  const cases: { args: string[]; says: string }[] = [
    { args: ['analyze', clip, '--peeple', '2'], says: '"--peeple" is not an option of attune analyze.' },
    { args: ['analyze', clip, '--out'], says: '--out needs a value after it' },
    { args: ['analyze', clip, '--resume=yes'], says: '--resume takes no value.' },
    { args: ['analyze', clip, '--people', '0'], says: '--people needs a whole number from 1 to 6, not "0".' },
    { args: ['analyze', clip, '--people', '7'], says: '--people needs a whole number from 1 to 6, not "7".' },
    { args: ['analyze', clip, '--people', '2.5'], says: '--people needs a whole number from 1 to 6, not "2.5".' },
    { args: ['analyze', clip, '--people', 'x'], says: '--people needs a whole number from 1 to 6, not "x".' },
    { args: ['analyze', clip, '--fps=-3'], says: '--fps needs a positive number, not "-3".' },
    { args: ['export', 'x.json', '--frmat', 'csv'], says: '"--frmat" is not an option of attune export.' },
    { args: ['roles', 'x.json', '-z'], says: '"-z" is not an option of attune roles.' },
    { args: ['package', 'create', 'x.json', '--nope'], says: '"--nope" is not an option of attune package create.' },
    { args: ['models', 'extra'], says: 'attune models takes no file or word here, only options: "extra" is one too many.' },
  ];
  for (const { args, says } of cases) {
    test(`attune ${args.map((a) => (a === clip ? '<clip>' : a)).join(' ')}`, async () => {
      const run = await runCli([...args, ...(args[0] === 'analyze' && !args.includes('--out') ? ['--out', out] : [])], out, 30_000);
      assert.equal(run.code, 2, run.stderr);
      const [first, ...rest] = run.stderr.split('\n');
      assert.ok(first?.startsWith(`attune: ${says}`), run.stderr);
      assert.equal(rest[0], 'Usage:', 'the usage follows the sentence');
      assert.doesNotMatch(run.stderr, /^\s+at .+:\d+/m, 'no stack trace');
      assert.equal(existsSync(out), false, 'nothing is written');
    });
  }
});
