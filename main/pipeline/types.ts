/** The seams between the pipeline's stages, so each stage can be built and tested on its own. */
import type { SpeechSegment, VoiceTrack } from '../../lib/analysis/types.ts';
import type { VoicePrints } from '../../lib/audio/voice-print.ts';
import type { VideoFrame } from '../../lib/media/types.ts';
import type { FrameObservations, ModelCost } from '../../lib/vision/types.ts';
import type { PipelineProgress } from '../../lib/pipeline/progress.ts';
import type { VisionModels } from '../vision/vision-files.ts';
import type { CheckpointStore } from './resume/checkpoints.ts';

/**
 * A running face-analysis engine: a pool of vision workers in some Chromium (headless for the CLI and
 * tests, the app's own renderer in Electron). `detect` may be called up to `capacity` times before
 * earlier calls settle; results can settle out of order, the caller reorders by `t`.
 */
export interface VisionEngine {
  readonly capacity: number;
  /**
   * The frames from now on are another recording: the engine analyses them exactly as a freshly
   * started engine would (no tracking state carried over). Call it before each recording's first frame.
   */
  beginStream(): void;
  detect(frame: VideoFrame): Promise<FrameObservations>;
  /** What each landmark task's model calls have cost in the workers so far (for the benchmark's profile). */
  modelCost(): ModelCost;
  /** OS process ids of everything the engine started (browser, renderer, GPU…), for memory reports. */
  processIds(): number[];
  close(): Promise<void>;
}

export interface VisionEngineOptions {
  /** Each landmark task's model files, already verified against models/manifest.json (main/vision/vision-models.ts). */
  models: VisionModels;
  /** Number of vision workers; defaults to a size that suits the machine. */
  workers?: number;
  /** Faces carry their landmark points (FaceObservation.landmarks): for de-identified clips, not analysis. */
  faceLandmarks?: boolean;
  /** The most faces looked for in a frame (default: two people). */
  maxFaces?: number;
  signal?: AbortSignal;
}

export type VisionEngineFactory = (options: VisionEngineOptions) => Promise<VisionEngine>;

export interface AudioResult {
  /** The room's voice, everyone's speech together (personId null). */
  voice: VoiceTrack;
  speech: SpeechSegment[];
  voicePrints: VoicePrints;
}

/** What a resumed analysis took from the saved progress, for the CLI to say. */
export interface ResumeReport {
  /** Why saved progress was not used, or only in part; null when it all was (or nothing was asked for). */
  note: string | null;
  /** Media seconds of vision already analysed. */
  visionSec: number;
  voice: boolean;
}

export interface AnalyzeOptions {
  /** Folder holding the model files listed in models/manifest.json. */
  modelsDir: string;
  /** Frames analysed per second of media. */
  visionFps?: number;
  /** Longest side of the frames handed to the vision workers, in pixels. */
  visionMaxSide?: number;
  visionWorkers?: number;
  /** How many people to follow (default two: client and therapist; a couple or a family, more). */
  people?: number;
  /** Which engine runs the vision workers; the CLI uses headless Chromium, the app its own renderer. */
  visionEngine?: VisionEngineFactory;
  signal?: AbortSignal;
  onProgress?: (progress: PipelineProgress) => void;
  /**
   * Where the analysis saves its progress as it goes; with `resume`, what an earlier run with the same
   * recording and settings saved there is used. `onResume` hears, before the stages start, what was.
   */
  checkpoints?: { store: CheckpointStore; resume: boolean; onResume?: (report: ResumeReport) => void };
}
