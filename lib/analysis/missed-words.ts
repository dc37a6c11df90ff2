/**
 * Why a change was easy to miss, in words: one place for the review screen and every export. The
 * review screen speaks to the therapist ("while you were speaking"); exports are read by others too
 * ("while the therapist was speaking"). lib/roles/missed-because.ts computes the reasons.
 */
import { clockRange } from '../time/clock.ts';
import type { Marker, MissedEvidence } from './types.ts';

export type Audience = 'therapist' | 'others';

/** The reasons Attune gives, in the order they are listed and filtered. */
export const MISSED_REASONS = ['brief', 'therapist-speaking', 'therapist-looking-away', 'no-response'] as const;
export type MissedReason = (typeof MISSED_REASONS)[number];

const you = (audience: Audience) =>
  audience === 'therapist' ? { were: 'you were', your: 'your', You: 'You' } : { were: 'the therapist was', your: 'the therapist’s', You: 'The therapist' };

/** A short name for filters and counts: "You were speaking". */
export function reasonLabel(reason: MissedReason, audience: Audience): string {
  const w = you(audience);
  switch (reason) {
    case 'brief':
      return 'Brief';
    case 'therapist-speaking':
      return audience === 'therapist' ? 'You were speaking' : 'Therapist speaking';
    case 'therapist-looking-away':
      return audience === 'therapist' ? 'You were looking away' : 'Therapist looking away';
    case 'no-response':
      return `No change in ${w.your} face or voice`;
  }
}


function evidenceLine(e: MissedEvidence, audience: Audience): string {
  const w = you(audience);
  switch (e.reason) {
    case 'therapist-speaking':
      return `It began while ${w.were} speaking (${clockRange(e.startSec, e.endSec)}).`;
    case 'therapist-looking-away':
      return `${w.You} ${audience === 'therapist' ? 'were' : 'was'} looking away for most of it (${clockRange(e.startSec, e.endSec)}).`;
    case 'no-response':
      return `Nothing in ${w.your} face, voice or turn-taking changed in the ${Math.round(e.endSec - e.startSec)} s after it began (${clockRange(e.startSec, e.endSec)}).`;
  }
}

/** One sentence per reason, with when: "It began while you were speaking (0:09.6–0:12.1)." */
export function missedLines(marker: Marker, audience: Audience): string[] {
  return (marker.missedBecause ?? []).map((reason) => {
    if (reason === 'brief') return `It was brief (${(marker.endSec - marker.startSec).toFixed(1)} s): over before it registers.`;
    const evidence = marker.missedEvidence?.find((e) => e.reason === reason);
    // An older or foreign file may carry a reason without evidence, or one Attune does not know.
    return evidence ? evidenceLine(evidence, audience) : `${reason.charAt(0).toUpperCase()}${reason.slice(1).replace(/-/g, ' ')}.`;
  });
}

/** Counts for the session: "5 of 9 changes began while you were speaking." One line per reason given. */
export function missedSummary(markers: readonly Marker[], audience: Audience): string[] {
  const w = you(audience);
  const total = markers.length;
  const count = (reason: MissedReason) => markers.filter((m) => m.missedBecause?.includes(reason)).length;
  const said: Record<MissedReason, string> = {
    brief: 'were brief',
    'therapist-speaking': `began while ${w.were} speaking`,
    'therapist-looking-away': `came while ${w.were} looking away`,
    'no-response': `were followed by no change in ${w.your} face or voice`,
  };
  return MISSED_REASONS.filter((r) => count(r) > 0).map((r) => `${count(r)} of ${total} change${total === 1 ? '' : 's'} ${said[r]}.`);
}
