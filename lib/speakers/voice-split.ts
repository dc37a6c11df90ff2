/**
 * The room's one voice track split into one track per speaker, from a speaker attribution: each track
 * has every frame time, speech only where that person was speaking, and pitch and loudness only there.
 * Where two spoke at once (attribution.overlap) both have speech and neither has the mixture's pitch or
 * loudness, which belong to neither voice alone.
 */
import type { VoiceTrack } from '../analysis/types.ts';
import { binAt } from '../fusion/grid.ts';
import type { SpeakerAttribution } from './speaker-attribution.ts';

/**
 * The owner of a speech frame: its bin's, or — at the ragged edge of a turn, in a bin that is mostly
 * silence — the owner of the neighbouring bin on the frame's side, else of the other neighbour.
 */
function frameOwner(attribution: SpeakerAttribution, t: number): string | null {
  const { binSec, owner } = attribution;
  const k = binAt(t, binSec);
  const own = owner[k] ?? null;
  if (own !== null) return own;
  const early = t - k * binSec < binSec / 2;
  const [near, far] = early ? [owner[k - 1], owner[k + 1]] : [owner[k + 1], owner[k - 1]];
  return near ?? far ?? null;
}

/**
 * One track per person in `order` who speaks at all, then (personId null) the speech no one could be
 * given, if any; the track unchanged when no one could be named. Silence belongs to nobody: outside their own speech a person's pitch and loudness are null.
 */
export function splitVoice(voice: VoiceTrack, attribution: SpeakerAttribution, order: readonly string[]): VoiceTrack[] {
  const n = voice.t.length;
  const owners = new Array<string | null>(n);
  const seconds = new Array<string | null>(n).fill(null);
  for (let i = 0; i < n; i++) {
    if (voice.speech[i] !== 1) continue;
    owners[i] = frameOwner(attribution, voice.t[i]!);
    seconds[i] = attribution.overlap[binAt(voice.t[i]!, attribution.binSec)] ?? null;
  }
  // Nobody could be named (no face, or no mouth that ever moved with the speech): the track stays as it was.
  if (owners.every((o) => o === null)) return [voice];
  const speaking = (id: string | null) => owners.some((o, i) => (o === id || (id !== null && seconds[i] === id)) && voice.speech[i] === 1);
  const ids: (string | null)[] = order.filter((id) => speaking(id));
  if (owners.some((o, i) => o === null && voice.speech[i] === 1)) ids.push(null);
  return ids.map((personId): VoiceTrack => {
    const mine = (i: number) => voice.speech[i] === 1 && (owners[i] === personId || (personId !== null && seconds[i] === personId));
    const alone = (i: number) => mine(i) && seconds[i] === null;
    return {
      personId,
      t: voice.t,
      f0Hz: voice.f0Hz.map((v, i) => (alone(i) ? v : null)),
      loudnessDb: voice.loudnessDb.map((v, i) => (alone(i) ? v : null)),
      speech: voice.speech.map((_, i) => (mine(i) ? 1 : 0)),
    };
  });
}
