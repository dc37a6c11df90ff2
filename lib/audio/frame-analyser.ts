/**
 * The streaming audio analyser: takes 16 kHz mono chunks of any size and produces one frame every
 * 10 ms with loudness (dBFS), F0 (Hz, NaN when unvoiced) and, for unvoiced frames, spectral flatness;
 * speech activity is decided over all frames at the end. Voiced frames also add to a half-second voice
 * print (voice-print.ts).
 *
 * Frame i stands for media time t0 + i·10 ms, where t0 is the first chunk's t0: the time of the frame's
 * centre. Its loudness (25 ms) and spectrum (32 ms) windows are centred there; its pitch window (42 ms)
 * is placed so that the span a mid-range period is measured over is centred there (see YinPitchTracker).
 * Audio is taken as silent before the first sample and after the last. Every window is addressed by
 * absolute sample index, so how the audio was chunked never changes a result, to the bit.
 */
import type { SpeechSegment } from '../analysis/types.ts';
import { AUDIO_SAMPLE_RATE, type AudioChunk } from '../media/types.ts';
import { GrowableFloat32 } from './growable.ts';
import { HalfBandDecimator, HALF_BAND_REACH } from './half-band.ts';
import { rmsToDbfs } from './loudness.ts';
import { frameRms, spectralFlatness } from './meyda-features.ts';
import { SampleStream } from './sample-stream.ts';
import {
  DEFAULT_SPEECH_ACTIVITY,
  detectSpeechRuns,
  roundMicro,
  speechColumn,
  speechSegments,
} from './speech-activity.ts';
import { AmplitudeSpectrum } from './spectrum.ts';
import { VoicePrintAccumulator, type VoicePrints } from './voice-print.ts';
import { YinPitchTracker } from './yin.ts';

export const HOP_SAMPLES = 160;
export const HOP_SEC = HOP_SAMPLES / AUDIO_SAMPLE_RATE;
const LOUDNESS_WINDOW = 400;
/** 256 points at 8 kHz: 32 ms, enough to resolve the harmonics of a 60 Hz voice. */
const SPECTRUM_SIZE = 256;
/**
 * Frames quieter than this hold nothing to analyse (16-bit quantisation noise sits near −96 dBFS), so
 * pitch and spectrum are skipped there. It is far below any recorded voice, so it is not a speech gate.
 */
export const SILENT_BELOW_DB = -90;
/** Chunk timestamps that drift less than this from the running sample count are taken as contiguous. */
export const CONTIGUITY_TOLERANCE_SAMPLES = 16;
/** Pushed audio is processed in slices of this size, so buffers stay small whatever the chunk size. */
const SLICE = 4096;

export const PITCH_SETTINGS = {
  coarseRate: AUDIO_SAMPLE_RATE / 4,
  refineFactor: 4,
  minHz: 60,
  maxHz: 500,
  window: 100,
  hop: HOP_SAMPLES / 4,
  dipMargin: 0.1,
  voicingThreshold: 0.35,
} as const;

/** The analysis of one stream: equal-length columns, frame i at t0 + i·hopSec. */
export interface AudioAnalysis {
  t0: number;
  hopSec: number;
  durationSec: number;
  /** NaN where unvoiced or not speech. */
  f0Hz: Float32Array;
  loudnessDb: Float32Array;
  speech: Uint8Array;
  segments: SpeechSegment[];
  /** Per half second, the MFCCs of the voiced frames: what tells one voice from another. */
  voicePrints: VoicePrints;
}

export class AudioFrameAnalyser {
  private readonly yin = new YinPitchTracker(PITCH_SETTINGS);
  private readonly spectrum = new AmplitudeSpectrum(SPECTRUM_SIZE);
  /** 16 kHz input, 8 kHz (spectrum) and 4 kHz (pitch search) copies. */
  private readonly at16k: SampleStream;
  private readonly at8k: SampleStream;
  private readonly at4k: SampleStream;
  private readonly to8k: HalfBandDecimator;
  private readonly to4k: HalfBandDecimator;
  private readonly loudness = new GrowableFloat32();
  private readonly f0 = new GrowableFloat32();
  private readonly flatness = new GrowableFloat32();
  private readonly prints = new VoicePrintAccumulator(AUDIO_SAMPLE_RATE / 2, SPECTRUM_SIZE);
  private t0: number | null = null;
  private samplesIn = 0;
  private finished = false;

  constructor() {
    // Zeros before the first sample: more than the earliest sample any window or filter of frame 0 reads.
    const lead = 4 * this.yin.coarseSpan + 4 * HALF_BAND_REACH;
    this.at16k = new SampleStream(-lead);
    this.at16k.appendZeros(lead);
    this.at8k = new SampleStream(Math.ceil((-lead + HALF_BAND_REACH) / 2));
    this.at4k = new SampleStream(Math.ceil((this.at8k.end + HALF_BAND_REACH) / 2));
    this.to8k = new HalfBandDecimator(this.at16k, this.at8k);
    this.to4k = new HalfBandDecimator(this.at8k, this.at4k);
  }

  get frameCount(): number {
    return this.loudness.length;
  }

  /** Media seconds of audio received so far. */
  get processedSec(): number {
    return (this.t0 ?? 0) + this.samplesIn / AUDIO_SAMPLE_RATE;
  }

  push(chunk: AudioChunk): void {
    if (this.finished) throw new Error('audio analyser already finished');
    let samples = chunk.samples;
    if (this.t0 === null) this.t0 = chunk.t0;
    const gap = Math.round((chunk.t0 - this.processedSec) * AUDIO_SAMPLE_RATE);
    if (gap > CONTIGUITY_TOLERANCE_SAMPLES) {
      // A hole in the media timeline: keep frame times true by filling it with silence.
      for (let left = gap; left > 0; left -= SLICE) this.feed(new Float32Array(Math.min(SLICE, left)));
    } else if (gap < -CONTIGUITY_TOLERANCE_SAMPLES) {
      // Audio we already have (an overlapping chunk): skip it.
      samples = samples.subarray(Math.min(samples.length, -gap));
    }
    for (let at = 0; at < samples.length; at += SLICE) this.feed(samples.subarray(at, at + SLICE));
  }

  finish(): AudioAnalysis {
    if (this.finished) throw new Error('audio analyser already finished');
    this.finished = true;
    const frames = Math.ceil(this.samplesIn / HOP_SAMPLES);
    while (this.frameCount < frames) {
      this.at16k.appendZeros(SLICE);
      this.process();
    }
    const t0 = this.t0 ?? 0;
    const durationSec = this.samplesIn / AUDIO_SAMPLE_RATE;
    const levelDb = this.loudness.toArray(frames);
    const f0Hz = this.f0.toArray(frames);
    const runs = detectSpeechRuns({ levelDb, f0Hz, flatness: this.flatness.toArray(frames) }, {
      ...DEFAULT_SPEECH_ACTIVITY,
      hopSec: HOP_SEC,
      lowestFloorDb: SILENT_BELOW_DB,
    });
    const speech = speechColumn(runs, frames);
    for (let i = 0; i < frames; i++) if (speech[i] === 0) f0Hz[i] = Number.NaN;
    return {
      t0: roundMicro(t0),
      hopSec: HOP_SEC,
      durationSec,
      f0Hz,
      loudnessDb: levelDb,
      speech,
      segments: speechSegments(runs, t0, HOP_SEC, durationSec),
      voicePrints: this.prints.finish(t0 + durationSec),
    };
  }

  private feed(samples: Float32Array): void {
    this.at16k.append(samples);
    this.samplesIn += samples.length;
    this.process();
  }

  private process(): void {
    this.to8k.run();
    this.to4k.run();
    const { yin, at16k, at8k, at4k } = this;
    for (;;) {
      const centre = this.frameCount * HOP_SAMPLES;
      const coarseStart = centre / 4 - yin.leadIn;
      const fineStart = coarseStart * 4;
      const spectrumStart = centre / 2 - SPECTRUM_SIZE / 2;
      const ready =
        at16k.end >= centre + LOUDNESS_WINDOW / 2 &&
        at16k.end >= fineStart + yin.fineSpan &&
        at8k.end >= spectrumStart + SPECTRUM_SIZE &&
        at4k.end >= coarseStart + yin.coarseSpan;
      if (!ready) break;
      this.analyseFrame(centre, coarseStart, fineStart, spectrumStart);
      const next = centre + HOP_SAMPLES;
      at16k.release(Math.min(next - LOUDNESS_WINDOW / 2, fineStart + HOP_SAMPLES, this.to8k.inputNeededFrom));
      at8k.release(Math.min(next / 2 - SPECTRUM_SIZE / 2, this.to4k.inputNeededFrom));
      at4k.release(coarseStart + HOP_SAMPLES / 4);
    }
  }

  private analyseFrame(centre: number, coarseStart: number, fineStart: number, spectrumStart: number): void {
    const levelDb = rmsToDbfs(frameRms(this.at16k.view(centre - LOUDNESS_WINDOW / 2, LOUDNESS_WINDOW)));
    this.loudness.push(levelDb);
    if (levelDb < SILENT_BELOW_DB) {
      this.f0.push(Number.NaN);
      this.flatness.push(Number.NaN);
      return;
    }
    const pitch = this.yin.estimate(
      this.at4k.raw,
      this.at4k.offsetOf(coarseStart),
      coarseStart,
      this.at16k.raw,
      this.at16k.offsetOf(fineStart),
    );
    this.f0.push(pitch.f0Hz);
    const spectrum = this.spectrum.compute(this.at8k.raw, this.at8k.offsetOf(spectrumStart));
    // Flatness only decides about unvoiced frames (is this a consonant or broadband noise?); the voice
    // print only describes voiced ones (vowels carry who is speaking).
    if (Number.isNaN(pitch.f0Hz)) {
      this.flatness.push(spectralFlatness(spectrum));
    } else {
      this.flatness.push(Number.NaN);
      this.prints.add((this.t0 ?? 0) + (this.frameCount - 1) * HOP_SEC, spectrum);
    }
  }
}
