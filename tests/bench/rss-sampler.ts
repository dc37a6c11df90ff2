/**
 * Samples the memory of this process and every process it started (ffmpeg, Chromium and its helpers)
 * from /proc, a few times a second, keeping the peak of each kind and of their sum.
 */
import { readFileSync } from 'node:fs';
import { processTree } from '../../main/pipeline/vision/process-tree.ts';

function rssBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

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
    const byKind = new Map<string, number>();
    for (const pid of processTree(process.pid)) {
      const kind = kindOf(pid);
      byKind.set(kind, (byKind.get(kind) ?? 0) + rssBytes(pid));
    }
    let total = 0;
    for (const [kind, bytes] of byKind) {
      total += bytes;
      this.peakByKind.set(kind, Math.max(this.peakByKind.get(kind) ?? 0, bytes));
    }
    this.peakTotal = Math.max(this.peakTotal, total);
  }
}
