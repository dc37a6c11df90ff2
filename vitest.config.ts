// Vitest runs every tests/**/*.test.ts. One file at a time, each in its own forked Node process: many files
// start Chromium, ffmpeg and worker threads, and two at once starve each other on a 2-core machine.
// Tests find the shared media and models at ../shared unless ATTUNE_MODELS_DIR says otherwise.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    // The two suites marked concurrent (damaged and hostile recordings) run two CLI analyses at a time.
    maxConcurrency: 2,
    // Real analyses of real recordings: a test or hook may take minutes on a slow machine.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    env: { ATTUNE_MODELS_DIR: process.env.ATTUNE_MODELS_DIR ?? join(root, '..', 'shared', 'models') },
    coverage: {
      provider: 'v8',
      include: ['lib/**', 'main/**', 'workers/**', 'models/**', 'renderer/**'],
      reporter: ['text'],
    },
  },
});
