/** Runs the real `attune` command as a user would, and reports what it printed and left on disk. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, MODELS_DIR } from './paths.ts';
import { assertValidAnalysis } from './schema.ts';

export interface CliRun {
  code: number | null;
  /** The signal that ended the process (SIGKILL when it crashed on purpose), or null. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Files in the output folder after the run (empty when it does not exist). */
  outFiles: string[];
  analysis: unknown;
}

export function runCli(args: string[], outDir: string, timeoutMs = 180_000, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, ATTUNE_MODELS_DIR: MODELS_DIR, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`attune ${args.join(' ')} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const outFiles = existsSync(outDir) ? readdirSync(outDir) : [];
      const path = join(outDir, 'analysis.json');
      const analysis: unknown = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
      done({ code, signal, stdout, stderr, outFiles, analysis });
    });
  });
}

/** The user-facing failure contract: one plain line starting "attune:", no stack trace. */
export function failureLine(run: CliRun): string {
  const lines = run.stderr.trim().split('\n');
  if (lines.some((line) => /^\s+at .+:\d+/.test(line))) throw new Error(`a stack trace reached the user:\n${run.stderr}`);
  const last = lines.at(-1) ?? '';
  if (!last.startsWith('attune: ')) throw new Error(`the last line is not a plain error message:\n${run.stderr}`);
  return last;
}

/** How an odd or damaged recording may end: refused in words, analysed, or either. */
export type Outcome = 'fails' | 'works' | 'either';

/**
 * How an odd or damaged recording must end: a valid analysis, alone in the output folder; or one plain
 * sentence, exit code 3, and nothing left in the folder. `expect` says which outcomes are allowed.
 * Returns the failure sentence, or null when the recording was analysed.
 */

export function assertAnalysedOrRefused(run: CliRun, expect: Outcome): string | null {
  if (run.code === 0) {
    assert.notEqual(expect, 'fails', `expected a failure, got success:\n${run.stderr}`);
    assertValidAnalysis(run.analysis);
    assert.deepEqual(run.outFiles, ['analysis.json']);
    return null;
  }
  assert.notEqual(expect, 'works', `expected success, got:\n${run.stderr}`);
  assert.equal(run.code, 3, `a recording that cannot be analysed exits with code 3:\n${run.stderr}`);
  const line = failureLine(run);
  assert.deepEqual(run.outFiles, [], 'nothing is left in the output folder');
  return line;
}
