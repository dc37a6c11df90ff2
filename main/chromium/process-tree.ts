/**
 * Finds the browser's processes by reading /proc, so memory can be summed and stragglers killed.
 * Linux only; elsewhere the lists are empty, which callers treat as "unknown".
 */
import { readdirSync, readFileSync } from 'node:fs';

interface ProcessEntry {
  pid: number;
  ppid: number;
  /** One letter from /proc/<pid>/stat: R, S, D, Z (exited, not yet reaped)… */
  state: string;
}

function readProcesses(): ProcessEntry[] {
  if (process.platform !== 'linux') return [];
  const entries: ProcessEntry[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name (field 2) may hold spaces and parentheses; the fields after its last ')' do not.
      const [state = '', ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      entries.push({ pid: Number(name), ppid: Number(ppid), state });
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

/**
 * Which of `pids` still run. A zombie has exited and holds no memory; it only waits for a parent to
 * reap it (in a container, init may never do so), so it does not count.
 */
export function runningProcesses(pids: readonly number[]): number[] {
  const running = new Set(readProcesses().filter(({ state }) => state !== 'Z').map(({ pid }) => pid));
  return pids.filter((pid) => running.has(pid));
}

/** `rootPid` and all its descendants that are still running. */
export function processTree(rootPid: number): number[] {
  const processes = readProcesses().filter(({ state }) => state !== 'Z');
  if (!processes.some(({ pid }) => pid === rootPid)) return [];
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) {
    for (const { pid, ppid } of processes) if (ppid === tree[i]) tree.push(pid);
  }
  return tree;
}

/** Every process a browser has had, remembered as they come, so that any outliving it can be killed. */
export class ProcessGroup {
  private readonly seen = new Set<number>();

  constructor(private readonly rootPid: number | null) {
    this.running();
  }

  running(): number[] {
    if (this.rootPid === null) return [];
    const tree = processTree(this.rootPid);
    for (const pid of tree) this.seen.add(pid);
    return tree;
  }

  killSurvivors(): void {
    this.running();
    for (const pid of runningProcesses([...this.seen])) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // It exited on its own meanwhile.
      }
    }
  }
}
