/**
 * Keeps the review state in step with the <video> element, which is the one clock: while it plays,
 * its time is read every animation frame (timeupdate fires only ~4 times a second, too jumpy for
 * the playhead); seeks and frame steps are done on the element.
 */
import { useCallback, useEffect, type RefObject } from 'react';
import type { ReviewAction } from '../state/review.ts';

export interface Playback {
  togglePlay: () => void;
  seek: (tSec: number) => void;
  /** Moves one video frame forward (1) or back (-1), pausing first. */
  stepFrame: (direction: 1 | -1) => void;
}

export function usePlayback(
  videoRef: RefObject<HTMLVideoElement | null>,
  playing: boolean,
  fps: number,
  dispatch: (action: ReviewAction) => void,
): Playback {
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    const tick = () => {
      const video = videoRef.current;
      if (video) dispatch({ type: 'time', tSec: video.currentTime });
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, videoRef, dispatch]);

  const seek = useCallback(
    (tSec: number) => {
      const video = videoRef.current;
      if (!video) return;
      video.currentTime = tSec;
      dispatch({ type: 'time', tSec });
    },
    [videoRef, dispatch],
  );

  const togglePlay = useCallback(() => {
    const video = videoRef.current;
    if (!video) return;
    if (video.paused) void video.play().catch(() => undefined); // e.g. the source is unavailable; the panel says so
    else video.pause();
  }, [videoRef]);

  const stepFrame = useCallback(
    (direction: 1 | -1) => {
      const video = videoRef.current;
      if (!video) return;
      video.pause();
      seek(Math.min(Math.max(video.currentTime + direction / fps, 0), video.duration || Infinity));
    },
    [videoRef, fps, seek],
  );

  return { togglePlay, seek, stepFrame };
}
