/**
 * Combines the stages' progress into one figure with an ETA. Each stage gets a weight that reflects how
 * long it usually takes, so the bar moves evenly: on the 10-minute bench session the voice takes ~1.5 s
 * and the faces ~90 s (the voice ran beside the faces once and was weighted 0.1; it now runs first, and
 * that weight showed 11 % done with an ETA of 12 s after a second and a half).
 */
import type { PipelineProgress, PipelineStage } from '../../lib/pipeline/progress.ts';

const WEIGHTS: Record<PipelineStage, number> = { probe: 0.01, hash: 0.01, vision: 0.95, audio: 0.02, fusion: 0.01, write: 0.01 };

export class ProgressTracker {
  private readonly fractions = new Map<PipelineStage, number>();
  private readonly startedAt: number;
  private lastSentAt = -Infinity;

  constructor(
    private readonly stages: readonly PipelineStage[],
    private readonly send: ((progress: PipelineProgress) => void) | undefined,
    private readonly now: () => number = () => performance.now(),
    /** At most one report per this many milliseconds, except at stage ends. */
    private readonly intervalMs = 200,
  ) {
    this.startedAt = now();
  }

  overall(): number {
    const total = this.stages.reduce((sum, s) => sum + WEIGHTS[s], 0);
    const done = this.stages.reduce((sum, s) => sum + WEIGHTS[s] * (this.fractions.get(s) ?? 0), 0);
    return total > 0 ? done / total : 1;
  }

  update(stage: PipelineStage, fraction: number): void {
    const clamped = Math.min(1, Math.max(0, fraction));
    this.fractions.set(stage, clamped);
    const t = this.now();
    if (clamped < 1 && t - this.lastSentAt < this.intervalMs) return;
    this.lastSentAt = t;
    const overall = this.overall();
    const elapsedSec = (t - this.startedAt) / 1000;
    // Too early an estimate swings wildly; wait until a few percent are done.
    const etaSec = overall > 0.03 && overall < 1 ? (elapsedSec / overall) * (1 - overall) : overall >= 1 ? 0 : null;
    this.send?.({ stage, fraction: clamped, overall, etaSec });
  }
}
