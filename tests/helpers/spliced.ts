/**
 * Recordings whose clocks jump backwards mid-file, made from the shared media with the real ffmpeg:
 * - an MPEG-TS splice: two clips, each with its own clock from 1.4 s, joined byte for byte (what
 *   `cat a.ts b.ts` or a recorder restarting into the same file gives);
 * - a Matroska file whose later clusters were moved back in time by editing their timestamps (what a
 *   muxer with a reset clock writes; ffmpeg itself mends jumps only in formats like MPEG-TS).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ffmpeg } from './ffmpeg.ts';
import { video } from './paths.ts';

const PARTS = [video('01-01-01-01-02-01-05.mp4'), video('01-01-03-01-01-02-05.mp4')];

export function splicedTransportStream(dir: string): string {
  const parts = PARTS.map((source, i) => {
    const part = join(dir, `part-${i}.ts`);
    ffmpeg('-i', source, '-vf', 'scale=480:-2', '-c:v', 'libx264', '-c:a', 'aac', '-f', 'mpegts', part);
    return readFileSync(part);
  });
  const out = join(dir, 'spliced.ts');
  writeFileSync(out, Buffer.concat(parts));
  return out;
}

/** Reads an EBML variable-length integer (size field) at `at`. */
function ebmlSize(bytes: Buffer, at: number): { length: number; value: number } {
  const first = bytes[at]!;
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
  let value = first & (0xff >> length);
  for (let k = 1; k < length; k++) value = value * 256 + bytes[at + k]!;
  return { length, value };
}

/**
 * Moves every cluster that starts at or after `fromMs` back by `byMs`, in place. Returns how many
 * clusters moved. The file must have been written without CRC elements, so that each cluster's first
 * child is its timestamp.
 */
export function rewindClusters(bytes: Buffer, fromMs: number, byMs: number): number {
  let moved = 0;
  for (let i = 0; i + 4 < bytes.length; i++) {
    if (bytes.readUInt32BE(i) !== 0x1f43b675) continue;
    const header = i + 4 + ebmlSize(bytes, i + 4).length;
    if (bytes[header] !== 0xe7) continue;
    const size = ebmlSize(bytes, header + 1);
    const at = header + 1 + size.length;
    const timestamp = bytes.readUIntBE(at, size.value);
    if (timestamp < fromMs) continue;
    bytes.writeUIntBE(timestamp - byMs, at, size.value);
    moved++;
  }
  return moved;
}

/** About 6.4 s: the neutral then the happy clip, with the clock set back 2.5 s at about 3.2 s. */
export function rewoundMatroska(dir: string): { file: string; jumpSec: number; lengthSec: number } {
  const joined = join(dir, 'joined.mkv');
  ffmpeg(
    '-i', PARTS[0]!, '-i', PARTS[1]!,
    '-filter_complex', '[0:v]scale=480:-2[v0];[1:v]scale=480:-2[v1];[v0][0:a][v1][1:a]concat=n=2:v=1:a=1[v][a]',
    '-map', '[v]', '-map', '[a]', '-c:v', 'libx264', '-g', '15', '-c:a', 'aac',
    '-cluster_time_limit', '500', '-write_crc32', '0', joined,
  );
  const bytes = readFileSync(joined);
  if (rewindClusters(bytes, 3200, 2500) === 0) throw new Error('no cluster to rewind: the muxer wrote a layout this helper does not know');
  const file = join(dir, 'rewound.mkv');
  writeFileSync(file, bytes);
  return { file, jumpSec: 3.2, lengthSec: 6.4 };
}
