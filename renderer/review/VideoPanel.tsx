/** The recording and its transport controls. The review screen owns the element (it is the clock). */
import type { RefObject } from 'react';
import { formatClock } from '../../lib/time/clock.ts';
import type { ReviewAction } from '../state/review.ts';

interface Props {
  videoRef: RefObject<HTMLVideoElement | null>;
  src: string | null;
  playing: boolean;
  playheadSec: number;
  durationSec: number;
  dispatch: (action: ReviewAction) => void;
  onCommand: (command: 'togglePlay' | 'frameBack' | 'frameForward' | 'nextMarker' | 'previousMarker') => void;
}

export function VideoPanel({ videoRef, src, playing, playheadSec, durationSec, dispatch, onCommand }: Props) {
  const report = () => {
    const video = videoRef.current;
    if (video) dispatch({ type: 'time', tSec: video.currentTime });
  };
  return (
    <div className="video-panel">
      <div className="video-frame">
        {src && (
          <video
            ref={videoRef}
            src={src}
            preload="auto"
            aria-label="Session recording"
            onPlay={() => dispatch({ type: 'playing', playing: true })}
            onPause={() => {
              dispatch({ type: 'playing', playing: false });
              report();
            }}
            onSeeked={report}
            onTimeUpdate={report}
            onClick={() => onCommand('togglePlay')}
          />
        )}
      </div>
      <div className="transport" role="group" aria-label="Playback">
        <button type="button" onClick={() => onCommand('previousMarker')} aria-keyshortcuts="p" title="Previous marker (p)">
          Previous marker
        </button>
        <button type="button" onClick={() => onCommand('frameBack')} aria-keyshortcuts="," title="One frame back (,)">
          ◀ Frame
        </button>
        <button type="button" className="primary play" onClick={() => onCommand('togglePlay')} aria-keyshortcuts="Space" title="Play or pause (space)">
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={() => onCommand('frameForward')} aria-keyshortcuts="." title="One frame forward (.)">
          Frame ▶
        </button>
        <button type="button" onClick={() => onCommand('nextMarker')} aria-keyshortcuts="n" title="Next marker (n)">
          Next marker
        </button>
        <span className="clock">
          <span className="visually-hidden">Position </span>
          {formatClock(playheadSec, true)} / {formatClock(durationSec, true)}
        </span>
      </div>
    </div>
  );
}
