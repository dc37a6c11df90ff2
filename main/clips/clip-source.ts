/**
 * The clips of a package, made from the recording one at a time while the package is sealed: cut from
 * the video, or drawn from landmarks (de-identified) by one landmark engine for all of them, started
 * at the first drawn clip and closed by `close()`. The CLI and the app both make clips here.
 */
import type { ClipWindow } from '../../lib/clips/clip-windows.ts';
import type { ClipSource } from '../package/review-package.ts';
import type { VisionEngine } from '../pipeline/types.ts';
import { cutClip } from './cut-clip.ts';
import { deidentifiedClip } from './deidentified-clip.ts';

export interface RecordingClips extends ClipSource {
  /** Starts the landmark engine now (de-identified clips), so a missing model fails before anything is written. */
  prepare(): Promise<void>;
  close(): Promise<void>;
}

export interface RecordingClipOptions {
  recording: string;
  windows: ClipWindow[];
  deidentified: boolean;
  /** The recording's sample rate; null when it has no sound. */
  sampleRate: number | null;
  /** Starts a vision engine whose faces carry their landmarks (`faceLandmarks: true`). */
  startLandmarkEngine: () => Promise<VisionEngine>;
  /** Told before each clip is made (the CLI prints it). */
  onClip?: (window: ClipWindow, index: number) => void;
}

export function recordingClips(options: RecordingClipOptions): RecordingClips {
  let engine: Promise<VisionEngine> | null = null;
  const landmarks = () => (engine ??= options.startLandmarkEngine());
  return {
    windows: options.windows,
    deidentified: options.deidentified,
    async prepare() {
      if (options.deidentified) await landmarks();
    },
    async make(window) {
      options.onClip?.(window, options.windows.indexOf(window));
      return options.deidentified ? deidentifiedClip(options.recording, window, await landmarks(), options.sampleRate) : cutClip(options.recording, window);
    },
    async close() {
      if (engine) await (await engine.catch(() => null))?.close();
    },
  };
}
