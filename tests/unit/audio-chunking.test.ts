/**
 * Chunking never changes a result: every window is addressed by absolute sample index, so the same
 * audio cut into any chunk sizes gives bit-identical columns. Media time comes from the chunks' t0.
 */
import assert from 'node:assert/strict';
import { test } from 'vitest';
import type { AudioAnalysis } from '../../lib/audio/frame-analyser.ts';
import { AudioFrameAnalyser } from '../../lib/audio/frame-analyser.ts';
import { rechunk } from '../../lib/audio/rechunk.ts';
import type { AudioChunk } from '../../lib/media/types.ts';
import { analyse, concat, dbToRms, mix, RATE, silence, vowel, whiteNoise } from '../helpers/audio-signals.ts';
import { seededRandom } from '../../lib/maths/seeded-random.ts';

/** Speech-like test audio: three vowels with pauses over faint noise. */
const AUDIO = mix(
  concat(silence(0.4), vowel(130, 110, 0.5, 0.05), silence(0.5), vowel(220, 260, 0.4, 0.08), silence(0.3), vowel(95, 90, 0.6, 0.03), silence(0.7)),
  whiteNoise(3.4, dbToRms(-65), 2),
);

function bytes(array: Float32Array | Uint8Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

function assertIdentical(actual: AudioAnalysis, expected: AudioAnalysis): void {
  assert.equal(actual.t0, expected.t0);
  assert.ok(bytes(actual.f0Hz).equals(bytes(expected.f0Hz)), 'f0Hz differs');
  assert.ok(bytes(actual.loudnessDb).equals(bytes(expected.loudnessDb)), 'loudnessDb differs');
  assert.ok(bytes(actual.speech).equals(bytes(expected.speech)), 'speech differs');
  assert.deepEqual(actual.segments, expected.segments);
}

test('the test audio has speech and pitch in it, so the comparisons below compare something', () => {
  const whole = analyse(AUDIO);
  assert.equal(whole.segments.length, 3);
  assert.ok([...whole.f0Hz].filter((f0) => !Number.isNaN(f0)).length > 100);
});

for (const size of [1, 7, 160, 4095, 4097, 16_000]) {
  test(`chunks of ${size} samples give bit-identical results to one chunk`, () => {
    assertIdentical(analyse(AUDIO, size), analyse(AUDIO));
  });
}

test('chunks of random sizes give bit-identical results to one chunk', () => {
  const random = seededRandom(42);
  const analyser = new AudioFrameAnalyser();
  for (let at = 0; at < AUDIO.length; ) {
    const size = 1 + Math.floor(random() * 3000);
    analyser.push({ t0: at / RATE, samples: AUDIO.slice(at, at + size) });
    at += size;
  }
  assertIdentical(analyser.finish(), analyse(AUDIO));
});

test('there is one frame per 10 ms of audio, started or not, at t0 + i·10 ms', () => {
  for (const samples of [0, 1, 159, 160, 161, 16_000]) {
    const analysis = analyse(AUDIO.subarray(0, samples), Math.max(1, samples), 7.25);
    assert.equal(analysis.loudnessDb.length, Math.ceil(samples / 160));
    if (samples > 0) assert.equal(analysis.t0, 7.25);
    assert.equal(analysis.hopSec, 0.01);
  }
});

test('a later t0 shifts every time by that much and changes nothing else', () => {
  const atZero = analyse(AUDIO);
  const later = analyse(AUDIO, 4000, 125.5);
  assert.ok(bytes(later.f0Hz).equals(bytes(atZero.f0Hz)));
  assert.ok(bytes(later.loudnessDb).equals(bytes(atZero.loudnessDb)));
  assert.deepEqual(
    later.segments,
    atZero.segments.map((s) => ({ startSec: s.startSec + 125.5, endSec: s.endSec + 125.5 })),
  );
});

test('a hole in the chunks’ media time is kept as silence, so later frames keep their true times', () => {
  const half = 1.7 * RATE;
  const analyser = new AudioFrameAnalyser();
  analyser.push({ t0: 0, samples: AUDIO.slice(0, half) });
  analyser.push({ t0: 1.7 + 0.5, samples: AUDIO.slice(half) });
  const withHole = analyser.finish();
  const expected = analyse(concat(AUDIO.subarray(0, half), silence(0.5), AUDIO.subarray(half)));
  assertIdentical(withHole, expected);
});

test('a chunk overlapping audio already received is trimmed, not analysed twice', () => {
  const analyser = new AudioFrameAnalyser();
  analyser.push({ t0: 0, samples: AUDIO.slice(0, RATE) });
  analyser.push({ t0: 0.75, samples: AUDIO.slice(0.75 * RATE) });
  assertIdentical(analyser.finish(), analyse(AUDIO));
});

async function collect(chunks: AsyncIterable<AudioChunk>): Promise<AudioChunk[]> {
  const out: AudioChunk[] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

async function* from(chunks: AudioChunk[]): AsyncGenerator<AudioChunk> {
  yield* chunks;
}

test('rechunk regroups contiguous chunks into fixed sizes with the right t0 and the same samples', async () => {
  const input = [0, 100, 5000, 5003, 20_000, AUDIO.length].slice(0, -1).map((start, k, starts) => ({
    t0: 3 + start / RATE,
    samples: AUDIO.slice(start, starts[k + 1] ?? AUDIO.length),
  }));
  const output = await collect(rechunk(from(input), 16_000));
  const whole = Math.floor(AUDIO.length / 16_000);
  assert.deepEqual(
    output.map((c) => c.samples.length),
    [...Array.from({ length: whole }, () => 16_000), AUDIO.length - whole * 16_000],
  );
  output.forEach((chunk, k) => assert.ok(Math.abs(chunk.t0 - (3 + k)) < 1e-9));
  assert.ok(bytes(concat(...output.map((c) => c.samples))).equals(bytes(AUDIO)));
});

test('rechunk starts a new chunk at a jump in media time, so the jump reaches the analyser', async () => {
  const output = await collect(
    rechunk(
      from([
        { t0: 0, samples: AUDIO.slice(0, 1000) },
        { t0: 10, samples: AUDIO.slice(1000, 3000) },
      ]),
      16_000,
    ),
  );
  assert.deepEqual(
    output.map((c) => [c.t0, c.samples.length]),
    [
      [0, 1000],
      [10, 2000],
    ],
  );
});
