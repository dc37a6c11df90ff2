/** The timeline rows for two people together: how strongly their movements go together, and when that beats chance. */
import type { InteractionTrack } from '../analysis/types.ts';
import type { DerivedSignal } from './signal.ts';

/** Row keys and words for each kind of synchrony (head keeps the keys it had before body synchrony existed). */
const KINDS: Record<InteractionTrack['kind'], { key: string; label: string; aboveLabel: string; movements: string }> = {
  'head-movement-synchrony': { key: 'synchrony', label: 'Moving in step (head)', aboveLabel: 'In step (head) beyond chance', movements: 'head movements' },
  'body-movement-synchrony': { key: 'bodySynchrony', label: 'Moving in step (body)', aboveLabel: 'In step (body) beyond chance', movements: 'upper-body movements in the picture' },
};

export function interactionSignals(track: InteractionTrack): DerivedSignal[] {
  const { windowSec, maxLagSec } = track.settings;
  const { key, label, aboveLabel, movements } = KINDS[track.kind];
  return [
    {
      key,
      label,
      how: `How strongly the two people’s ${movements} go together, in ${windowSec}-second windows, allowing either to follow the other by up to ${maxLagSec} s (a correlation: 0 = unrelated, 1 = perfectly together). Measured on movement only, not on meaning.`,
      unit: '',
      t: track.t,
      // z back to a correlation: clinicians read "0.6" more easily than a Fisher z.
      values: track.synchronyZ.map((z) => (z === null ? null : Math.tanh(z))),
      range: [0, 1],
      draw: 'line',
    },
    {
      key: `${key}AboveChance`,
      label: aboveLabel,
      how: `Shaded where moving in step is stronger than in ${track.settings.surrogates} shuffled versions of the same movements (above their 95th percentile) — more than two people moving independently would show.`,
      unit: '',
      t: track.t,
      values: track.aboveChance,
      range: [0, 1],
      draw: 'band',
    },
  ];
}
