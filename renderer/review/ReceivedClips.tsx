/**
 * A session received in a review package has no recording here: in the video's place, the clips the
 * sender chose, one at a time — the one of the selected marker when it has one. A clip plays on its own
 * clock (its first second is 4 s before its marker), so the timeline's playhead does not follow it.
 */
import type { Marker } from '../../lib/analysis/types.ts';
import type { MediaUrl } from '../../lib/ipc/contract.ts';
import type { ReceivedPackage } from '../../lib/ipc/supervision-channels.ts';
import { clockRange } from '../../lib/time/clock.ts';

interface Props {
  received: ReceivedPackage;
  urls: MediaUrl['clips'];
  markers: readonly Marker[];
  selectedMarkerId: string | null;
  onPick: (marker: Marker) => void;
}

export function ReceivedClips({ received, urls, markers, selectedMarkerId, onPick }: Props) {
  const shown = received.clips.find((c) => c.markerId === selectedMarkerId) ?? received.clips[0] ?? null;
  const url = shown ? urls.find((u) => u.markerId === shown.markerId)?.url ?? null : null;
  const markerOf = (markerId: string) => markers.find((m) => m.id === markerId);
  if (received.clips.length === 0) {
    return (
      <div className="received-clips">
        <p className="muted">The package holds no clips: the timeline, markers and notes are all there is of this session here.</p>
      </div>
    );
  }
  return (
    <div className="received-clips">
      {shown && url && (
        <figure>
          <video key={url} src={url} controls preload="metadata" aria-label={`Clip of the marker at ${clockRange(shown.startSec, shown.endSec)}`} />
          <figcaption>
            {clockRange(shown.startSec, shown.endSec)}
            {shown.deidentified ? ' · drawn from the landmarks, voice pitch-shifted' : ''}
          </figcaption>
        </figure>
      )}
      <ul aria-label="Clips in the package">
        {received.clips.map((clip) => {
          const marker = markerOf(clip.markerId);
          return (
            <li key={clip.markerId}>
              <button type="button" aria-pressed={clip.markerId === shown?.markerId} disabled={!marker} onClick={() => marker && onPick(marker)}>
                {clockRange(clip.startSec, clip.endSec)} {marker?.summary ?? ''}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
