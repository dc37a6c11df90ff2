/**
 * Samples the memory of this process and every process it started (ffmpeg, Chromium and its helpers)
 * from /proc, a few times a second, keeping the peak of each kind and of their sum. RSS counts memory
 * shared between processes (Chromium's code, shared buffers) once per process, so a sum of RSS overstates
 * what the machine gives up; PSS shares it out and is the fair total.
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
  if (pid === process.pid) return 'node (main + workers)';
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (/ffmpeg/.test(cmd.split('\0')[0] ?? '')) return 'ffmpeg';
    if (/chrom/i.test(cmd)) return 'chromium (all processes)';
    return cmd.split('\0')[0] ?? 'other';
  } catch {
    return 'other';
  }
}

export class RssSampler {
  readonly peakByKind = new Map<string, number>();
  peakTotal = 0;
  peakPssTotal = 0;
  private timer: NodeJS.Timeout | undefined;

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
    const byKind = new Map<string, number>();
    for (const pid of pids) {
      const kind = kindOf(pid);
      byKind.set(kind, (byKind.get(kind) ?? 0) + rssBytes(pid));
    }
    let pss = 0;
    for (const pid of pids) pss += pssBytes(pid);
    this.peakPssTotal = Math.max(this.peakPssTotal, pss);
    let total = 0;
    for (const [kind, bytes] of byKind) {
      total += bytes;
      this.peakByKind.set(kind, Math.max(this.peakByKind.get(kind) ?? 0, bytes));
    }
    this.peakTotal = Math.max(this.peakTotal, total);
  }
}
