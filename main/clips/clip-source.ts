/**
 * The clips of a package, made from the recording one at a time while the package is sealed: cut from
 * the video, or drawn from landmarks (de-identified) by one landmark engine for all of them, started
 * at the first drawn clip and closed by `close()`. The CLI and the app both make clips here.
 */
import type { Analysis, Marker } from '../../lib/analysis/types.ts';
import { clipWindow, type ClipWindow } from '../../lib/clips/clip-windows.ts';
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
  /** The analysis of the recording, and the markers to make clips of (lib/clips/clip-windows.ts chooses them). */
  analysis: Analysis;
  markers: readonly Marker[];
  deidentified: boolean;
  /** Starts a vision engine whose faces carry their landmarks (`faceLandmarks: true`). */
  startLandmarkEngine: () => Promise<VisionEngine>;
  /** Told before each clip is made (the CLI prints it). */
  onClip?: (window: ClipWindow, index: number) => void;
}

export function recordingClips(options: RecordingClipOptions): RecordingClips {
  const { analysis } = options;
  const windows = options.markers.map((marker) => clipWindow(marker, analysis.source.durationSec));
  const sampleRate = analysis.source.audio?.sampleRate ?? null;
  let engine: Promise<VisionEngine> | null = null;
  const landmarks = () => (engine ??= options.startLandmarkEngine());
  return {
    windows,
    deidentified: options.deidentified,
    async prepare() {
      if (options.deidentified) await landmarks();
    },
    async make(window) {
      options.onClip?.(window, windows.indexOf(window));
      return options.deidentified ? deidentifiedClip(options.recording, window, await landmarks(), sampleRate) : cutClip(options.recording, window);
    },
    async close() {
      if (engine) await (await engine.catch(() => null))?.close();
    },
  };
}
