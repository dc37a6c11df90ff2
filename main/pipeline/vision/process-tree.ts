/**
 * Finds the browser's processes by reading /proc, so memory can be summed and stragglers killed.
 * Linux only; elsewhere the lists are empty, which callers treat as "unknown".
 */
import { readdirSync, readFileSync } from 'node:fs';

interface ProcessEntry {
  pid: number;
  ppid: number;
}

function readProcesses(): ProcessEntry[] {
  if (process.platform !== 'linux') return [];
  const entries: ProcessEntry[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name (field 2) may hold spaces and parentheses; the fields after its last ')' do not.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      entries.push({ pid: Number(name), ppid });
    } catch {
      // The process exited between listing and reading.
    }
  }
  return entries;
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** A child of `parentPid` whose command line contains `marker`, e.g. a switch only we passed. */
export function findChildProcess(parentPid: number, marker: string): number | null {
  const child = readProcesses().find(({ pid, ppid }) => ppid === parentPid && commandLine(pid).includes(marker));
  return child?.pid ?? null;
}

/** `rootPid` and all its descendants that are still alive. */
export function processTree(rootPid: number): number[] {
  const processes = readProcesses();
  if (!processes.some(({ pid }) => pid === rootPid)) return [];
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) {
    for (const { pid, ppid } of processes) if (ppid === tree[i]) tree.push(pid);
  }
  return tree;
}
