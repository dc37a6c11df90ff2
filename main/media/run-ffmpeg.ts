/**
 * ffmpeg as a child process: stdout is the data, stderr is read line by line. The process is killed when
 * the signal aborts or the consumer stops early, so a cancelled analysis never leaves ffmpeg running.
 */
import { spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { logLevel, splitLines } from '../../lib/media/ffmpeg-log.ts';
import { ffmpegPath } from './ffmpeg-paths.ts';

export interface FfmpegRun {
  stdout: Readable;
  /** Only when asked for (`input: 'pipe'`): what ffmpeg reads as `pipe:0`. */
  stdin: Writable | null;
  /** Resolves when ffmpeg has exited, with what the caller needs to judge the run. */
  done: Promise<{ code: number | null; errors: string[] }>;
  pid: number | undefined;
  kill(): void;
}

const MAX_ERRORS_KEPT = 20;

export function runFfmpeg(args: string[], onLine: (line: string) => void, signal?: AbortSignal, input: 'ignore' | 'pipe' = 'ignore'): FfmpegRun {
  const child = spawn(
    ffmpegPath(),
    [...(input === 'pipe' ? [] : ['-nostdin']), '-hide_banner', ...args],
    { stdio: [input, 'pipe', 'pipe'], windowsHide: true },
  );
  const { stdout, stderr } = child as typeof child & { stdout: Readable; stderr: Readable };
  // ffmpeg closing its input early (an error) must not crash Attune with EPIPE: the exit code tells.
  child.stdin?.on('error', () => {});
  const errors: string[] = [];
  let rest = '';
  stderr.setEncoding('utf8');
  const handle = (line: string): void => {
    const level = logLevel(line);
    if ((level === 'error' || level === 'fatal') && errors.length < MAX_ERRORS_KEPT) errors.push(line);
    onLine(line);
  };
  stderr.on('data', (text: string) => {
    const split = splitLines(rest + text);
    rest = split.rest;
    split.lines.forEach(handle);
  });
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  signal?.addEventListener('abort', kill, { once: true });
  const done = new Promise<{ code: number | null; errors: string[] }>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      signal?.removeEventListener('abort', kill);
      if (rest) handle(rest);
      resolve({ code, errors });
    });
  });
  return { stdout, stdin: child.stdin, done, pid: child.pid, kill };
}
