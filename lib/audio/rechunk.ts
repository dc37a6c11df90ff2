/**
 * Regroups a stream of audio chunks into chunks of `size` samples (the last one shorter), so that the
 * cost per message to the worker does not depend on how finely the decoder happened to cut its output,
 * and one huge chunk does not become one huge message. A chunk that does not follow on from the one
 * before (a gap or overlap in media time) starts a new group, so its t0 reaches the analyser.
 */
import { AUDIO_SAMPLE_RATE, type AudioChunk } from '../media/types.ts';
import { CONTIGUITY_TOLERANCE_SAMPLES } from './frame-analyser.ts';

export async function* rechunk(chunks: AsyncIterable<AudioChunk>, size: number): AsyncGenerator<AudioChunk> {
  let buffer = new Float32Array(size);
  let filled = 0;
  /** Start of the current contiguous run and samples yielded from it, so t0 never accumulates rounding. */
  let runT0 = 0;
  let runSamples = 0;
  const bufferT0 = (): number => runT0 + runSamples / AUDIO_SAMPLE_RATE;
  for await (const chunk of chunks) {
    const expectedSample = Math.round((chunk.t0 - runT0) * AUDIO_SAMPLE_RATE);
    const contiguous = Math.abs(expectedSample - (runSamples + filled)) <= CONTIGUITY_TOLERANCE_SAMPLES;
    if (!contiguous || (runSamples === 0 && filled === 0)) {
      if (filled > 0) yield { t0: bufferT0(), samples: buffer.slice(0, filled) };
      filled = 0;
      runT0 = chunk.t0;
      runSamples = 0;
    }
    let at = 0;
    while (at < chunk.samples.length) {
      const take = Math.min(size - filled, chunk.samples.length - at);
      buffer.set(chunk.samples.subarray(at, at + take), filled);
      filled += take;
      at += take;
      if (filled === size) {
        yield { t0: bufferT0(), samples: buffer };
        buffer = new Float32Array(size);
        runSamples += size;
        filled = 0;
      }
    }
  }
  if (filled > 0) yield { t0: bufferT0(), samples: buffer.slice(0, filled) };
}
