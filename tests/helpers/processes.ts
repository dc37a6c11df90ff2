/** Lists running processes by command line, to check that nothing an analysis started outlives it. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { processTree } from '../../main/chromium/process-tree.ts';

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

/** Chromium processes descended from `pid` (this test process by default), found independently of the engine's own bookkeeping. */
export function chromiumProcessesUnder(pid = process.pid): number[] {
  return processTree(pid).filter((child) => {
    try {
      return /chrom/i.test(readFileSync(`/proc/${child}/cmdline`, 'utf8'));
    } catch {
      return false;
    }
  });
}
