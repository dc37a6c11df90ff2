#!/usr/bin/env node
// The `attune` command. The TypeScript sources are bundled into dist/ by `npm install` (prepare) or `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli/attune.mjs', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('attune: the program has not been built yet. Run "npm install" (or "npm run build") in the Attune folder first.\n');
  process.exit(2);
}
await import(cli);
