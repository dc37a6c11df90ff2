// `npm test`: builds, then runs every tests/**/*.test.ts with Node's test runner (Node 20 has no glob for --test).
// Tests find the shared media and models at ../shared unless ATTUNE_MODELS_DIR says otherwise.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'bench' ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') ? [relative(root, path)] : [];
  });
}

const files = testFiles(join(root, 'tests'))
  .filter((file) => only.length === 0 || only.some((part) => file.includes(part)))
  .sort();
const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-timeout=600000', '--test-reporter=spec', ...files],
  {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, ATTUNE_MODELS_DIR: process.env.ATTUNE_MODELS_DIR ?? join(root, '..', 'shared', 'models') },
  },
);
process.exit(run.status ?? 1);
