/**
 * What an analysis has finished so far, saved as it goes so that a run stopped by a crash, kill -9, a
 * power cut or Ctrl-C can be resumed: the voice analysis once it is done, and the vision observations
 * of each finished segment (see runVisionStage). Where they are kept is the store's business (a folder
 * beside the CLI's output, the app's encrypted library); what they mean and when they may be trusted is
 * decided here: only progress made with the same recording (by sha256), the same settings and the same
 * version of Attune is used, and anything damaged or foreign is ignored with a note, never trusted.
 */
import { createHash } from 'node:crypto';
import type { FrameObservations } from '../../../lib/vision/types.ts';
import type { AudioResult } from '../types.ts';
import { checkpointParse, checkpointStringify } from './checkpoint-json.ts';

const FORMAT = 'attune-checkpoint';
const VERSION = 1;

/** What an analysis's results depend on: the same fingerprint gives the same results. */
export interface RunFingerprint {
  sha256: string;
  app: string;
  settings: Record<string, number>;
}

/** Where checkpoints are kept: named texts that are written whole or not at all. */
export interface CheckpointStore {
  read(name: string): Promise<string | null>;
  write(name: string, text: string): Promise<void>;
  /** Removes every checkpoint (and whatever holds them). */
  clear(): Promise<void>;
}

export interface SavedProgress {
  /** Observations of the vision segments finished so far, segment 0 first. */
  visionSegments: FrameObservations[][];
  audio: AudioResult | null;
  /** Why saved progress was not used (or only in part), in words; null when there was nothing to say. */
  note: string | null;
}

const NOTHING: Omit<SavedProgress, 'note'> = { visionSegments: [], audio: null };

const segmentName = (index: number): string => `vision-${String(index).padStart(4, '0')}`;

/** A checkpoint's text: its sha256, a newline, then the payload, so damage anywhere is caught. */
function seal(payload: unknown): string {
  const body = checkpointStringify(payload);
  return `${createHash('sha256').update(body).digest('hex')}\n${body}`;
}

function unseal(text: string | null): unknown {
  if (text === null) return undefined;
  const newline = text.indexOf('\n');
  const body = text.slice(newline + 1);
  if (newline !== 64 || createHash('sha256').update(body).digest('hex') !== text.slice(0, 64)) throw new Error('damaged');
  return checkpointParse(body);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumberList = (value: unknown): value is number[] => Array.isArray(value) && value.every((n) => typeof n === 'number');

function sameFingerprint(a: unknown, b: RunFingerprint): 'same' | 'recording' | 'settings' {
  if (!isObject(a) || a.sha256 !== b.sha256) return 'recording';
  return a.app === b.app && JSON.stringify(a.settings) === JSON.stringify(b.settings) ? 'same' : 'settings';
}

function isObservations(value: unknown, index: number, segmentSec: number): value is FrameObservations[] {
  return (
    Array.isArray(value) &&
    value.every(
      (frame, i) =>
        isObject(frame) &&
        typeof frame.t === 'number' &&
        Math.floor(frame.t / segmentSec) === index &&
        (i === 0 || frame.t > (value[i - 1] as FrameObservations).t) &&
        Array.isArray(frame.faces) &&
        frame.faces.every((face) => isObject(face) && isObject(face.box) && isNumberList(face.blendshapes)) &&
        (frame.bodies === null || (Array.isArray(frame.bodies) && frame.bodies.every((body) => isObject(body) && isNumberList(body.keypoints)))),
    )
  );
}

function isAudioResult(value: unknown): value is AudioResult {
  if (!isObject(value) || !isObject(value.voice) || !Array.isArray(value.speech) || !isObject(value.voicePrints)) return false;
  const { voice, voicePrints } = value;
  return (
    voice.personId === null &&
    isNumberList(voice.t) &&
    [voice.f0Hz, voice.loudnessDb, voice.speech].every((series) => Array.isArray(series) && series.length === (voice.t as number[]).length) &&
    voicePrints.mfccMean instanceof Float32Array &&
    voicePrints.voicedFrames instanceof Uint16Array
  );
}

/** The checkpoints of one analysis in one store. */
export class Checkpoints {
  constructor(
    private readonly store: CheckpointStore,
    private readonly fingerprint: RunFingerprint,
    /** The vision segment length, in media seconds (part of the settings). */
    private readonly segmentSec: number,
  ) {}

  /** Starts afresh: whatever the store held is removed, and this run's fingerprint is written. */
  async start(): Promise<void> {
    await this.store.clear();
    await this.store.write('run', seal({ format: FORMAT, version: VERSION, fingerprint: this.fingerprint }));
  }

  /**
   * What an earlier run with the same fingerprint finished. Anything else (none, another recording,
   * other settings, damage) starts afresh and says why; a damaged segment keeps the segments before it.
   */
  async resume(): Promise<SavedProgress> {
    let run: unknown;
    try {
      run = unseal(await this.store.read('run'));
    } catch {
      run = null;
    }
    const fresh = async (note: string): Promise<SavedProgress> => {
      await this.start();
      return { ...NOTHING, note };
    };
    if (run === undefined) return fresh('There was no unfinished analysis to resume here, so it started from the beginning.');
    if (!isObject(run) || run.format !== FORMAT || run.version !== VERSION) {
      return fresh('The saved progress could not be read (damaged, or from another version of Attune), so it was not used: the analysis started from the beginning.');
    }
    const same = sameFingerprint(run.fingerprint, this.fingerprint);
    if (same === 'recording') return fresh('The saved progress belongs to a different recording, so it was not used: the analysis started from the beginning.');
    if (same === 'settings') {
      return fresh('The saved progress was made with other settings or another version of Attune, so it was not used: the analysis started from the beginning.');
    }

    let note: string | null = null;
    const visionSegments: FrameObservations[][] = [];
    for (;;) {
      const index = visionSegments.length;
      let segment: unknown;
      try {
        segment = unseal(await this.store.read(segmentName(index)));
      } catch {
        segment = null;
      }
      if (segment === undefined) break;
      if (!isObservations(segment, index, this.segmentSec)) {
        note = 'Part of the saved progress was damaged; that part is analysed again.';
        break;
      }
      visionSegments.push(segment);
    }
    let audio: AudioResult | null = null;
    try {
      const saved = unseal(await this.store.read('audio'));
      if (saved !== undefined && !isAudioResult(saved)) throw new Error('not a voice analysis');
      audio = (saved as AudioResult | undefined) ?? null;
    } catch {
      note = 'Part of the saved progress was damaged; that part is analysed again.';
    }
    return { visionSegments, audio, note };
  }

  saveVisionSegment(index: number, observations: FrameObservations[]): Promise<void> {
    return this.store.write(segmentName(index), seal(observations));
  }

  saveAudio(result: AudioResult): Promise<void> {
    return this.store.write('audio', seal(result));
  }

  /** The analysis is saved (or failed for good): its checkpoints go. */
  discard(): Promise<void> {
    return this.store.clear();
  }
}
