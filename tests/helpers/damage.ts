/** Makes damaged copies of real recordings: truncated, header zeroed, random bursts, bit flips. Seeded, so reproducible. */
import { readFileSync, writeFileSync } from 'node:fs';
import { seededRandom as seeded } from '../../lib/maths/seeded-random.ts';

export type Damage =
  | { kind: 'truncate'; keep: number }
  | { kind: 'zero-head'; bytes: number }
  | { kind: 'zero-tail'; from: number }
  | { kind: 'bursts'; count: number; size: number; seed: number }
  | { kind: 'bit-flips'; every: number }
  | { kind: 'prefix-garbage'; bytes: number; seed: number };

export function damage(source: string, target: string, how: Damage): void {
  const bytes = new Uint8Array(readFileSync(source));
  let out = bytes;
  switch (how.kind) {
    case 'truncate':
      out = bytes.subarray(0, Math.floor(bytes.length * how.keep));
      break;
    case 'zero-head':
      bytes.fill(0, 0, how.bytes);
      break;
    case 'zero-tail':
      bytes.fill(0, Math.floor(bytes.length * how.from));
      break;
    case 'bursts': {
      const random = seeded(how.seed);
      for (let i = 0; i < how.count; i++) {
        // Past the first fifth, so the header survives and the damage is in the recorded content.
        const at = Math.floor(bytes.length * (0.2 + 0.7 * random()));
        for (let j = at; j < Math.min(bytes.length, at + how.size); j++) bytes[j] = Math.floor(random() * 256);
      }
      break;
    }
    case 'bit-flips':
      for (let i = 4096; i < bytes.length; i += how.every) bytes[i]! ^= 0x5a;
      break;
    case 'prefix-garbage': {
      const random = seeded(how.seed);
      const garbage = Uint8Array.from({ length: how.bytes }, () => Math.floor(random() * 256));
      out = new Uint8Array(garbage.length + bytes.length);
      out.set(garbage);
      out.set(bytes, garbage.length);
      break;
    }
  }
  writeFileSync(target, out);
}
