/**
 * One recording in, one Analysis out: probe, then audio and vision one after the other (each streaming
 * from its own ffmpeg) while the file's fingerprint is taken, then fusion. Used by the CLI and by the
 * app's job queue alike.
 */
import { basename } from 'node:path';
import type { Analysis, BodyTrack, FaceTrack } from '../../lib/analysis/types.ts';
import { BODY_FPS } from '../../lib/body/body-schedule.ts';
import { BodyTracker } from '../../lib/body/body-track.ts';
import { changedCells, greyGrid, RegionMotionRecorder, type GreyGrid } from '../../lib/body/region-motion.ts';
import { analyseFusion } from '../../lib/fusion/detect-markers.ts';
import { attributeSpeakers, OFF_CAMERA_ID, SPEAKERS_NOT_TOLD_APART } from '../../lib/speakers/speaker-attribution.ts';
import { splitVoice } from '../../lib/speakers/voice-split.ts';
import { DEFAULT_PEOPLE, FaceTracker, type PersonSnapshot } from '../../lib/vision/face-tracker.ts';
import type { MediaInfo } from '../../lib/media/probe-info.ts';
import { decodeAudio } from '../media/decode-audio.ts';
import { decodeVideoFrames } from '../media/decode-video.ts';
import { fingerprintRecording } from '../media/fingerprint.ts';
import { MediaError } from '../media/media-error.ts';
import { probeMedia } from '../media/probe.ts';
import { defaultVisionWorkers } from '../vision/default-workers.ts';
import { verifiedVisionModels } from '../vision/vision-models.ts';
import { analyzeAudio } from './audio/analyze-audio.ts';
import { ProgressTracker } from './progress-tracker.ts';
import { Checkpoints, type SavedProgress } from './resume/checkpoints.ts';
import { crashPoint } from './resume/crash-point.ts';
import { runVisionStage, SavedFramesMismatch, type VisionSegments } from './run-vision.ts';
import type { PipelineStage } from '../../lib/pipeline/progress.ts';
import type { AnalyzeOptions, AudioResult } from './types.ts';
import { startChromiumVision } from '../vision/headless/chromium-vision.ts';
import { isVisionFailure, visionFailure } from '../vision/vision-failure.ts';
import { APP_NAME_AND_VERSION } from './version.ts';

export const DEFAULT_VISION_FPS = 5;
/** 320 px finds the same faces as 480 on the shared clips (distant faces start to drop at 256) and is faster. */
export const DEFAULT_VISION_MAX_SIDE = 320;

export type { PersonSnapshot };

/** The analysis (its `analysis.notes` say in plain words what could not be analysed) and each person's thumbnail moment. */
export interface AnalyzeResult {
  analysis: Analysis;
  snapshots: PersonSnapshot[];
}

/** Media seconds per vision segment: the most a crash can lose of the vision stage (run-vision.ts). */
export const DEFAULT_VISION_SEGMENT_SEC = 600;

/** ATTUNE_VISION_SEGMENT_SEC sets shorter segments for the resume tests, which need several in a short recording. */
function visionSegmentSec(): number {
  const set = Number(process.env.ATTUNE_VISION_SEGMENT_SEC);
  return Number.isFinite(set) && set > 0 ? set : DEFAULT_VISION_SEGMENT_SEC;
}

/** The settings an analysis runs with, as analysis.settings records them: the one place defaults are filled in. */
function analysisSettings(options: AnalyzeOptions) {
  return {
    visionFps: options.visionFps ?? DEFAULT_VISION_FPS,
    visionMaxSide: options.visionMaxSide ?? DEFAULT_VISION_MAX_SIDE,
    maxFaces: options.people ?? DEFAULT_PEOPLE,
    /**
     * Recorded because results depend on it: each worker tracks faces over every n-th frame only
     * (vision-pool.ts), so another count gives slightly different numbers and a resume must not mix them.
     */
    visionWorkers: options.visionWorkers ?? defaultVisionWorkers(),
    bodyFps: BODY_FPS,
    audioSampleRate: 16_000,
    visionSegmentSec: visionSegmentSec(),
  };
}

type AnalysisSettings = ReturnType<typeof analysisSettings>;

async function runFaces(
  file: string,
  media: MediaInfo,
  options: AnalyzeOptions,
  settings: AnalysisSettings,
  progress: ProgressTracker,
  segments: VisionSegments,
): Promise<{ tracks: FaceTrack[]; bodies: BodyTrack[]; snapshots: PersonSnapshot[]; models: { name: string; sha256: string }[]; readSec: number }> {
  const models = await verifiedVisionModels(options.modelsDir);
  const engine = await (options.visionEngine ?? startChromiumVision)({
    models: models.files,
    workers: settings.visionWorkers,
    maxFaces: settings.maxFaces,
    signal: options.signal,
  });
  const tracker = new FaceTracker({ maxPeople: settings.maxFaces });
  const bodies = new BodyTracker(media.video ? media.video.width / media.video.height : 1);
  const motion = new RegionMotionRecorder();
  let readSec = 0;
  try {
    const frames = decodeVideoFrames(file, {
      fps: settings.visionFps,
      maxSide: settings.visionMaxSide,
      signal: options.signal,
    });
    // What changed in the picture is taken as each frame is decoded (before its pixels go to a worker)
    // and used when its faces come back, in the same order.
    const changes: { changed: Uint8Array | null; grid: GreyGrid }[] = [];
    let previous: GreyGrid | null = null;
    async function* noteChanges(decoded: typeof frames) {
      for await (const frame of decoded) {
        crashPoint('decode');
        const grid = greyGrid(frame);
        changes.push({ changed: changedCells(previous, grid), grid });
        previous = grid;
        yield frame;
      }
    }
    await runVisionStage(
      noteChanges(frames),
      engine,
      (result) => {
        const people = tracker.push(result);
        const change = changes.shift()!;
        motion.push(change.changed, change.grid, people);
        const found = result.bodies;
        if (found) bodies.push(result.t, people.map(({ personId, face }) => ({ personId, face, body: found.find((b) => result.faces[b.face] === face) ?? null })));
        readSec = result.t;
        progress.update('vision', result.t / media.durationSec);
        if (result.t >= segments.seconds + 1) crashPoint('faces');
      },
      options.signal,
      segments,
    ).catch((error: unknown) => {
      throw isVisionFailure(error) && !options.signal?.aborted ? visionFailure(basename(file), error) : error;
    });
  } finally {
    await engine.close();
  }
  // The tracks are put together once the browser is closed, so its memory and theirs never add up.
  progress.update('vision', 1);
  const tracks = tracker.tracks().map((track) => ({ ...track, regionMotion: motion.of(track.personId) }));
  return { tracks, bodies: bodies.tracks(tracks.map((t) => t.personId)), snapshots: tracker.snapshots(), models: [models.face, models.body], readSec };
}

async function runVoice(file: string, media: MediaInfo, options: AnalyzeOptions, progress: ProgressTracker, saved: AudioResult | null, checkpoints: Checkpoints | null): Promise<AudioResult> {
  if (saved) {
    progress.update('audio', 1);
    return saved;
  }
  const chunks = decodeAudio(file, { signal: options.signal });
  const result = await analyzeAudio(chunks, {
    signal: options.signal,
    onProgress: (mediaSec) => progress.update('audio', mediaSec / media.durationSec),
  });
  await checkpoints?.saveAudio(result);
  crashPoint('voice');
  progress.update('audio', 1);
  return result;
}

/**
 * With `options.checkpoints`, the analysis saves its progress as it goes and, when asked to resume,
 * carries on from what an earlier run with the same recording and settings saved: the results are the
 * same bytes as a run straight through. Saved frames that no longer match the decoded ones (another
 * ffmpeg) start it again from the beginning.
 */
export async function analyzeFile(file: string, options: AnalyzeOptions): Promise<AnalyzeResult> {
  try {
    return await analyzeOnce(file, options);
  } catch (error) {
    if (!(error instanceof SavedFramesMismatch) || !options.checkpoints?.resume) throw error;
    const onResume = options.checkpoints.onResume;
    return analyzeOnce(file, {
      ...options,
      checkpoints: {
        ...options.checkpoints,
        resume: false,
        onResume: (report) =>
          onResume?.({ ...report, note: 'The saved progress did not match the recording’s frames, so it was not used: the analysis started from the beginning.' }),
      },
    });
  }
}

async function analyzeOnce(file: string, options: AnalyzeOptions): Promise<AnalyzeResult> {
  const name = basename(file);
  const media = await probeMedia(file, options.signal);
  const stages: PipelineStage[] = ['hash', ...(media.video ? (['vision'] as const) : []), ...(media.audio ? (['audio'] as const) : []), 'fusion'];
  const progress = new ProgressTracker(stages, options.onProgress);
  const settings = analysisSettings(options);

  // Saving progress needs the recording's fingerprint before any stage result is kept or reused.
  let knownSha256: string | null = null;
  let checkpoints: Checkpoints | null = null;
  let saved: SavedProgress = { visionSegments: [], audio: null, note: null };
  if (options.checkpoints) {
    knownSha256 = await fingerprintRecording(file, options.signal);
    progress.update('hash', 1);
    checkpoints = new Checkpoints(options.checkpoints.store, { sha256: knownSha256, app: APP_NAME_AND_VERSION, settings }, settings.visionSegmentSec);
    if (options.checkpoints.resume) saved = await checkpoints.resume();
    else await checkpoints.start();
    options.checkpoints.onResume?.({
      note: saved.note,
      visionSec: Math.min(media.durationSec, saved.visionSegments.length * settings.visionSegmentSec),
      voice: saved.audio !== null,
    });
  }
  const segments: VisionSegments = {
    seconds: settings.visionSegmentSec,
    done: saved.visionSegments,
    onSegment: async (index, observations) => {
      await checkpoints?.saveVisionSegment(index, observations);
    },
  };

  // The first stage to fail aborts the others, and all are awaited before the error is reported,
  // so no ffmpeg, browser or worker outlives a failed or cancelled analysis.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const staged = { ...options, signal };
  const guard = <T>(task: Promise<T>): Promise<T> =>
    task.catch((error: unknown) => {
      stop.abort(error);
      throw error;
    });
  // The voice first, then the faces, so the audio worker and the browser never hold memory at once (they
  // did, ~100 MB above the rest of the run); the voice takes a few seconds of a 10-minute session.
  const voice = media.audio ? guard(runVoice(file, media, staged, progress, saved.audio, checkpoints)) : null;
  const voiceSettled = voice ? Promise.allSettled([voice]) : Promise.resolve();
  const vision = media.video
    ? guard(voiceSettled.then(() => (signal.throwIfAborted(), runFaces(file, media, staged, settings, progress, segments))))
    : null;
  const settled = await Promise.allSettled([knownSha256 ?? guard(fingerprintRecording(file, signal).then((hash) => (progress.update('hash', 1), hash))), vision, voice] as const);
  if (settled.some((s) => s.status === 'rejected')) {
    throw options.signal?.aborted ? options.signal.reason : stop.signal.reason;
  }
  const [sha256, faces, audio] = settled.map((s) => (s.status === 'fulfilled' ? s.value : null)) as [
    string,
    Awaited<ReturnType<typeof runFaces>> | null,
    AudioResult | null,
  ];

  // A file cut short (an interrupted copy, a recorder that crashed) often still says how long it should be.
  const readSec = Math.max(faces?.readSec ?? 0, audio?.voice.t.at(-1) ?? 0);
  if (media.durationSec - readSec > Math.max(1, 0.05 * media.durationSec)) {
    throw new MediaError(
      'truncated',
      `"${name}" ends early: only ${readSec.toFixed(1)} s of its ${media.durationSec.toFixed(1)} s could be read. ` +
        'It may not have finished copying or recording. Nothing was saved.',
    );
  }

  // A container may understate its length (a spliced MPEG-TS says how long its first part is); what was read counts.
  const durationSec = Math.max(media.durationSec, readSec);
  const faceTracks = faces?.tracks ?? [];
  // Who spoke when: the room's voice split per person in view (and one off camera) where it can be told.
  const attribution = audio && faceTracks.length > 0 ? attributeSpeakers(audio.voice, audio.voicePrints, faceTracks, durationSec) : null;
  const voiceTracks = audio
    ? attribution
      ? splitVoice(audio.voice, attribution, [...faceTracks.map((t) => t.personId), OFF_CAMERA_ID])
      : [audio.voice]
    : [];
  const speechFound = (audio?.speech.length ?? 0) > 0;
  const notes: string[] = [];
  if (!media.video) notes.push('The recording has no video, so only the voice was analysed.');
  else if (faceTracks.length === 0) notes.push('No face was found in the video, so only the voice was analysed.');
  if (!media.audio) notes.push('The recording has no sound, so only the face was analysed.');
  else if (!speechFound) notes.push('No speech was detected in the sound.');
  else if (voiceTracks.every((t) => t.personId === null)) notes.push(SPEAKERS_NOT_TOLD_APART);
  if (faceTracks.length === 0 && !speechFound) {
    throw new MediaError(
      'no-streams',
      `No face was found in "${name}" and it has no speech to analyse, so there is nothing to show. Nothing was saved.`,
    );
  }

  crashPoint('fusion');
  const { markers, interaction } = analyseFusion({ face: faceTracks, body: faces?.bodies ?? [], voice: voiceTracks, durationSec });
  progress.update('fusion', 1);

  const analysis: Analysis = {
    format: 'attune-analysis',
    version: 1,
    source: {
      file: name,
      sha256,
      durationSec,
      video: media.video ? { width: media.video.width, height: media.video.height, fps: media.video.fps } : null,
      audio: media.audio ? { sampleRate: media.audio.sampleRate, channels: media.audio.channels } : null,
    },
    analysis: {
      createdAt: new Date().toISOString(),
      app: APP_NAME_AND_VERSION,
      models: faces ? faces.models : [],
      settings,
      notes,
    },
    people: [
      ...faceTracks.map((track) => ({ id: track.personId, role: 'unknown' as const })),
      ...(voiceTracks.some((t) => t.personId === OFF_CAMERA_ID) ? [{ id: OFF_CAMERA_ID, role: 'unknown' as const, offCamera: true }] : []),
    ],
    tracks: {
      face: faceTracks,
      voice: voiceTracks,
      body: faces?.bodies ?? [],
      ...(audio ? { speech: audio.speech } : {}),
      ...(interaction.length ? { interaction } : {}),
    },
    markers,
  };
  return { analysis, snapshots: faces?.snapshots ?? [] };
}
