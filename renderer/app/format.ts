/** Words and numbers as the clinician reads them. */
import type { JobState, SessionStatus } from '../../lib/ipc/contract.ts';
import type { PipelineStage } from '../../lib/pipeline/progress.ts';

export function durationWords(sec: number): string {
  if (!Number.isFinite(sec) || sec <= 0) return '—';
  if (sec < 60) return `${Math.round(sec)} s`;
  const minutes = Math.round(sec / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function dateWords(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** A calendar day (YYYY-MM-DD) shown without a time, and without shifting across time zones. */
export function dayWords(day: string): string {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  return y && m && d ? dayFormat.format(new Date(y, m - 1, d)) : day;
}

export const STATUS_WORDS: Record<SessionStatus, string> = {
  'awaiting-consent': 'Needs consent',
  ready: 'Ready to analyse',
  queued: 'Waiting to be analysed',
  analysing: 'Being analysed',
  analysed: 'Ready to review',
  failed: 'Analysis failed',
};

export const JOB_STATE_WORDS: Record<JobState, string> = {
  queued: 'Waiting',
  running: 'Analysing',
  done: 'Finished',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export const STAGE_WORDS: Record<PipelineStage, string> = {
  probe: 'Opening the recording',
  hash: 'Fingerprinting the file',
  vision: 'Face',
  audio: 'Voice',
  fusion: 'Finding changes',
  write: 'Saving',
};

export function etaWords(etaSec: number | null): string {
  if (etaSec === null) return 'Estimating time left…';
  if (etaSec < 60) return 'Less than a minute left';
  const minutes = Math.round(etaSec / 60);
  return minutes < 90 ? `About ${minutes} min left` : `About ${Math.round(minutes / 60)} h left`;
}

export function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

export function percent(fraction: number): string {
  return `${Math.round(Math.min(Math.max(fraction, 0), 1) * 100)}%`;
}
