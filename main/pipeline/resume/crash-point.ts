/**
 * A crash on purpose, for the resume tests: with ATTUNE_CRASH_AT=<point> in its environment the process
 * kills itself (SIGKILL: no cleanup, no last write) at that point, as a power cut or `kill -9` would.
 * The points are where a real crash is hard to time from outside: between two stages, mid-write.
 */
export type CrashPoint = 'decode' | 'faces' | 'voice' | 'fusion' | 'write';

export function crashPoint(point: CrashPoint): void {
  if (process.env.ATTUNE_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
}
