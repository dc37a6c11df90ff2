/** Lists running processes by command line, to check that nothing an analysis started outlives it. */
import { execFileSync } from 'node:child_process';

/**
 * Command lines of live processes whose program (first word) matches `program` and whose arguments
 * include `text`. Zombies (exited, waiting to be reaped by whichever process inherited them) are dead
 * and not listed.
 */
export function liveProcessesMatching(program: RegExp, text = ''): string[] {
  return execFileSync('ps', ['-eo', 'pid=,stat=,args='])
    .toString()
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([pid, stat, command, ...rest]) => pid && !stat?.startsWith('Z') && program.test(command ?? '') && [command, ...rest].join(' ').includes(text))
    .map((fields) => fields.join(' '));
}
