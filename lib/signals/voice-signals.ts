/** The voice rows of the timeline, read straight from a VoiceTrack (100 values a second). */
import type { VoiceTrack } from '../analysis/types.ts';
import type { DerivedSignal } from './signal.ts';

/**
 * Another person's turns, shown under the selected person's rows so who spoke when sits beside their
 * shifts: `who` is the words for that person (Therapist, Voice off camera, Person 2).
 */
export function turnSignal(track: VoiceTrack, who: string): DerivedSignal {
  return {
    key: `turns:${track.personId ?? 'unattributed'}`,
    label: `${who} speaking`,
    how: `Shaded where ${who.toLowerCase()} is speaking: Attune tells speakers apart by whose mouth moves with the speech and by the sound of each voice.`,
    unit: '',
    t: track.t,
    values: track.speech,
    range: [0, 1],
    draw: 'band',
  };
}

export function voiceSignals(track: VoiceTrack): DerivedSignal[] {
  return [
    {
      key: 'pitch',
      label: 'Pitch',
      how: 'How high or low the voice is (fundamental frequency, in hertz). Only measured while voiced sounds are heard; gaps are silence or breath.',
      unit: 'Hz',
      t: track.t,
      values: track.f0Hz,
      range: null,
      draw: 'line',
    },
    {
      key: 'loudness',
      label: 'Loudness',
      how: 'How loud the recording is, in decibels (closer to 0 is louder). Depends on microphone distance, so compare within one session only.',
      unit: 'dB',
      t: track.t,
      values: track.loudnessDb,
      range: null,
      draw: 'line',
    },
    {
      key: 'speech',
      label: 'Speech',
      how: 'Shaded where this person is speaking (anyone, while speakers are not yet told apart), blank otherwise.',
      unit: '',
      t: track.t,
      values: track.speech,
      range: [0, 1],
      draw: 'band',
    },
  ];
}
