/** A marker as the exports word it: the same plain-language evidence the review screen shows. */
import { evidenceLines, kindWords, modalityWords, strengthWords } from '../analysis/marker-words.ts';
import { missedLines } from '../analysis/missed-words.ts';
import type { Marker } from '../analysis/types.ts';

export interface MarkerText {
  /** "Client – Shift (face and voice)" */
  heading: string;
  summary: string;
  evidence: string[];
  /** "Why this was easy to miss: …", or null when the analysis gave no reason. */
  missed: string | null;
  strength: string;
}

export function markerText(marker: Marker, personLabel: string): MarkerText {
  const modality = modalityWords(marker);
  const missed = missedLines(marker, 'others').join(' ');
  return {
    heading: `${personLabel} – ${kindWords(marker.kind)}${modality ? ` (${modality})` : ''}`,
    summary: marker.summary,
    evidence: evidenceLines(marker.cues),
    missed: missed ? `Why this was easy to miss: ${missed}` : null,
    strength: strengthWords(marker.score),
  };
}
