/**
 * One plain line per marker, from its strongest cues: what changed and which way, in words for
 * observable behaviour only (never an emotion).
 */
import type { CueInfo } from './cue-types.ts';

export interface SummaryItem {
  info: CueInfo;
  /** Direction and size of the change in typical spreads. */
  d: number;
  /** |after − before| of the cue's first reported feature, for phrases that state an amount. */
  change: number;
}

/** Cues named in a summary; the marker's cue list holds the rest of the evidence. */
const SUMMARY_CUES = 4;

/** How a brief marker's summary begins: "Brief (1.5 s): ". */
const briefPrefix = (briefSec: number): string => `Brief (${briefSec.toFixed(1)} s): `;
const BRIEF_PREFIX = /^Brief \(\d+\.\d s\): /;

/** What a summary says changed, without a brief marker's duration: "Brief (1.5 s): brows raised" → "brows raised". */
export function whatChanged(summary: string): string {
  return summary.replace(BRIEF_PREFIX, '');
}

export function summarise(items: readonly SummaryItem[], briefSec?: number): string {
  const top = items.slice(0, SUMMARY_CUES);
  const phrases = (modality: CueInfo['modality']) =>
    top
      .filter((item) => item.info.modality === modality)
      .map((item) => (item.d > 0 ? item.info.rises : item.info.falls).replace('{change}', String(Math.round(item.change))))
      .join(', ');
  const text = [phrases('face'), phrases('body'), phrases('voice')].filter((p) => p.length > 0).join('; ');
  if (briefSec !== undefined) return `${briefPrefix(briefSec)}${text}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
