#!/usr/bin/env node
// The `attune` command. The TypeScript sources are bundled into dist/ by `npm install` (prepare) or `npm run build`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli/attune.mjs', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('attune: the program has not been built yet. Run "npm install" (or "npm run build") in the Attune folder first.\n');
  process.exit(2);
}

/**
 * glibc's malloc raises its mmap threshold each time a large block is freed; from then on the video
 * frames the command handles (hundreds of KB each, dozens a second) are carved from the heap, which
 * fragments and is not given back: on the bench's 10-minute session Node held ~290 MB where it needs
 * ~170 MB, and more the longer the session. Fixing the threshold at glibc's default keeps large blocks
 * mapped and returned when freed. glibc reads it only when a process starts, so on Linux the command
 * starts itself once more with it set, and this process only passes signals on and the exit back.
 */
const MALLOC_THRESHOLD = 'MALLOC_MMAP_THRESHOLD_';
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];

if (process.platform === 'linux' && process.env[MALLOC_THRESHOLD] === undefined) {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    // Its own process group, so that a Ctrl-C in the terminal reaches it once (from here), not twice
    // (twice means "quit at once"); the IPC channel closes if this process is killed, and the command
    // then stops as on Ctrl-C instead of running on unseen.
    detached: true,
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [MALLOC_THRESHOLD]: String(128 * 1024) },
  });
  const forward = (signal) => child.kill(signal);
  for (const signal of FORWARDED) process.on(signal, forward);
  child.on('error', (error) => {
    process.stderr.write(`attune: could not start: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (code !== null) process.exit(code);
    // Ended by a signal: end the same way, so whoever started the command sees what happened.
    for (const forwarded of FORWARDED) process.off(forwarded, forward);
    process.kill(process.pid, signal ?? 'SIGTERM');
  });
} else {
  await import(cli);
}
