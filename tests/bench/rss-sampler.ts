/**
 * Samples the memory of this process and every process it started (ffmpeg, Chromium and its helpers)
 * from /proc, a few times a second, keeping the peak of each kind (Chromium by process type: browser,
 * renderer, gpu-process, utility) and of their sum. RSS counts memory shared between processes
 * (Chromium's code, shared buffers) once per process, so a sum of RSS overstates what the machine gives
 * up; PSS shares it out and is the fair total.
 */
import { readFileSync } from 'node:fs';
import { processTree } from '../../main/chromium/process-tree.ts';

function kilobytesField(path: string, field: RegExp): number {
  try {
    const match = field.exec(readFileSync(path, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

const rssBytes = (pid: number): number => kilobytesField(`/proc/${pid}/status`, /VmRSS:\s+(\d+) kB/);
const pssBytes = (pid: number): number => kilobytesField(`/proc/${pid}/smaps_rollup`, /Pss:\s+(\d+) kB/);

function kindOf(pid: number): string {
  if (pid === process.pid) return 'node (this script)';
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (/attune\.mjs/.test(cmd)) return 'attune (node)';
    if (/ffmpeg/.test(cmd.split('\0')[0] ?? '')) return 'ffmpeg';
    if (/chrom/i.test(cmd)) return `chromium ${/--type=([\w-]+)/.exec(cmd)?.[1] ?? 'browser'}`;
    return cmd.split('\0')[0] ?? 'other';
  } catch {
    return 'other';
  }
}

export class RssSampler {
  /** Peak PSS of each kind of process (the sum of its processes at one moment). */
  readonly peakPssByKind = new Map<string, number>();
  peakTotal = 0;
  peakPssTotal = 0;
  private timer: NodeJS.Timeout | undefined;

  /** Without `self`, this process and its TypeScript loader (esbuild) are left out: a stage run as a child process is measured alone. */
  constructor(private readonly self = true) {}

  start(intervalMs = 100): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }

  private sample(): void {
    const pids = processTree(process.pid);
    const pssByKind = new Map<string, number>();
    let rss = 0;
    let pss = 0;
    for (const pid of pids) {
      const kind = kindOf(pid);
      if (!this.self && (pid === process.pid || kind.endsWith('/esbuild'))) continue;
      const processPss = pssBytes(pid);
      pssByKind.set(kind, (pssByKind.get(kind) ?? 0) + processPss);
      pss += processPss;
      rss += rssBytes(pid);
    }
    for (const [kind, bytes] of pssByKind) this.peakPssByKind.set(kind, Math.max(this.peakPssByKind.get(kind) ?? 0, bytes));
    this.peakPssTotal = Math.max(this.peakPssTotal, pss);
    this.peakTotal = Math.max(this.peakTotal, rss);
  }
}
