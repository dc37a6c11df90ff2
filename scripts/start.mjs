// `npm start`: checks the Node.js version Electron's own tools need, builds, then opens the desktop app.
// The CLI and the tests run on Node.js 20; the electron package (45) declares Node.js >= 22.12 for its
// launcher and installer, so on an older Node this says so plainly instead of failing somewhere inside.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NEEDED = [22, 12];
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < NEEDED[0] || (major === NEEDED[0] && minor < NEEDED[1])) {
  process.stderr.write(
    `attune: the desktop app needs Node.js ${NEEDED.join('.')} or newer to start (this is ${process.versions.node}); ` +
      'the command line (npx attune analyze) works on Node.js 20.\n',
  );
  process.exit(1);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
if (build.status !== 0) process.exit(build.status ?? 1);
const electron = spawnSync('npx', ['--no-install', 'electron', '.'], { stdio: 'inherit', cwd: root });
process.exit(electron.status ?? 1);
