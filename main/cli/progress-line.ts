/** Formats the one-line progress bar the CLI draws on stderr. Pure, so its edge cases are tested directly. */
import type { PipelineProgress, PipelineStage } from '../../lib/pipeline/progress.ts';
import { playerTime } from '../../lib/time/clock.ts';

const STAGE_WORDS: Record<PipelineStage, string> = {
  probe: 'reading file',
  hash: 'fingerprinting',
  vision: 'faces',
  audio: 'voice',
  fusion: 'finding shifts',
  write: 'saving',
};

export function progressLine(progress: PipelineProgress, width = 30): string {
  const overall = Math.min(1, Math.max(0, progress.overall));
  const filled = Math.round(overall * width);
  const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
  const eta = progress.etaSec === null ? 'estimating…' : `ETA ${playerTime(progress.etaSec)}`;
  const percent = `${Math.floor(overall * 100)}%`.padStart(4);
  return `[${bar}] ${percent}  ${eta}  (${STAGE_WORDS[progress.stage]})`;
}
