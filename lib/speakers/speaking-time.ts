/** How much of the session each voice spoke: the share of the recording's time in its speech frames. */
import type { Analysis } from '../analysis/types.ts';

export interface SpeakingShare {
  /** The voice's person, or null for speech no one could be given (and for analyses made before speakers were told apart). */
  personId: string | null;
  /** 0..1 of the recording's analysed time. */
  share: number;
}

export function speakingShares(analysis: Analysis): SpeakingShare[] {
  return analysis.tracks.voice.map((track) => {
    const speaking = track.speech.reduce<number>((n, s) => n + (s === 1 ? 1 : 0), 0);
    return { personId: track.personId, share: track.t.length ? speaking / track.t.length : 0 };
  });
}

/**
 * "p1 spoke 41 % of the time, p2 12 %, v1 (a voice off camera) 30 %": the ids are the ones `--client`
 * and `--therapist` take, with the role where one is set. Null when there is no voice.
 */
export function speakingSummary(analysis: Analysis): string | null {
  const shares = speakingShares(analysis);
  if (shares.length === 0) return null;
  const people = new Map(analysis.people.map((p) => [p.id, p]));
  const name = ({ personId }: SpeakingShare): string => {
    if (personId === null) return shares.length === 1 ? 'Someone' : 'someone not told apart';
    const person = people.get(personId);
    const about = person?.role && person.role !== 'unknown' ? person.role : person?.offCamera ? 'a voice off camera' : null;
    return about ? `${personId} (${about})` : personId;
  };
  const percent = (share: number) => `${Math.round(share * 100)} %`;
  const [first, ...rest] = shares;
  return [`${name(first!)} spoke ${percent(first!.share)} of the time`, ...rest.map((s) => `${name(s)} ${percent(s.share)}`)].join(', ') + '.';
}
