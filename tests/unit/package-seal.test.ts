/**
 * The sealed file under every kind of damage: a payload of several chunks, changed in its header, its
 * body, cut short (mid-chunk and exactly at a chunk's end), with chunks swapped or one dropped.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, test } from 'vitest';
import { writeAtomically } from '../../main/files/atomic-write.ts';
import { CHUNK_SIZE, PACKAGE_MAGIC, PackageError, type PackageEntry, type PackageProblem } from '../../main/package/format.ts';
import { openSealedFile, sealEntries } from '../../main/package/sealed-file.ts';
import { scratch } from '../helpers/paths.ts';

const work = scratch('seal');
afterAll(() => work.remove());
const PASSPHRASE = 'correct horse battery staple';
// 2.5 chunks of incompressible bytes, and a small text entry after them.
const entries: PackageEntry[] = [
  { name: 'clips/m1.bin', data: randomBytes(Math.round(CHUNK_SIZE * 2.5)) },
  { name: 'notes.json', data: Buffer.from('{"text":"She mentioned her brother Karl"}') },
];
let sealed: Buffer;

beforeAll(async () => {
  const path = join(work.dir, 'good.attune');
  await writeAtomically(path, sealEntries(entries, PASSPHRASE), 'The package');
  sealed = readFileSync(path);
});

/** Where each chunk starts (its length field), walking the file as the reader does. */
function chunkStarts(file: Buffer): number[] {
  let at = PACKAGE_MAGIC.length;
  at += 4 + file.readUInt32BE(at);
  const starts: number[] = [];
  while (at < file.length) {
    starts.push(at);
    at += 4 + file.readUInt32BE(at) + 16;
  }
  return starts;
}

async function problemOf(bytes: Buffer, passphrase = PASSPHRASE): Promise<PackageProblem | 'opened'> {
  const path = join(work.dir, `case-${randomBytes(4).toString('hex')}.attune`);
  writeFileSync(path, bytes);
  try {
    await openSealedFile(path, passphrase);
    return 'opened';
  } catch (error) {
    if (error instanceof PackageError) return error.problem;
    throw error;
  }
}

test('what goes in comes out, byte for byte, in three chunks', async () => {
  const path = join(work.dir, 'good.attune');
  const opened = await openSealedFile(path, PASSPHRASE);
  assert.deepEqual(opened.map((e) => e.name), ['clips/m1.bin', 'notes.json']);
  assert.ok(opened.every((e, i) => Buffer.from(e.data).equals(entries[i]!.data)));
  assert.equal(chunkStarts(sealed).length, 3, '2.5 MiB plus framing: three chunks');
  assert.equal(sealed.includes(Buffer.from('brother Karl')), false, 'no plaintext in the file');
});

test('a wrong passphrase is told apart from damage', async () => {
  assert.equal(await problemOf(sealed, 'correct horse battery stapler'), 'wrong-passphrase');
});

test('a changed header, body or tag, a cut, and reordered or missing chunks are all damage', async () => {
  const header = sealed.subarray(0, chunkStarts(sealed)[0]).toString('latin1');
  const [first, second, third] = chunkStarts(sealed) as [number, number, number];
  const flip = (at: number) => {
    const copy = Buffer.from(sealed);
    copy[at]! ^= 0x01;
    return copy;
  };
  // The nonce prefix is in the clear header: changing it keeps the passphrase check but breaks every chunk.
  const prefix = /"noncePrefix":"([^"]+)"/.exec(header)![1]!;
  const otherPrefix = Buffer.from(randomBytes(8)).toString('base64');
  const changedHeader = Buffer.from(sealed.toString('latin1').replace(prefix, otherPrefix), 'latin1');
  const cases: Record<string, Buffer> = {
    'header field': changedHeader,
    'first chunk body': flip(first + 100),
    'middle chunk body': flip(second + 4 + 5000),
    'last chunk tag': flip(sealed.length - 1),
    'cut mid-chunk': sealed.subarray(0, second + 1000),
    'cut at a chunk end': sealed.subarray(0, third),
    'chunks swapped': Buffer.concat([sealed.subarray(0, first), sealed.subarray(second, third), sealed.subarray(first, second), sealed.subarray(third)]),
    'a chunk dropped': Buffer.concat([sealed.subarray(0, second), sealed.subarray(third)]),
    'bytes appended': Buffer.concat([sealed, Buffer.from([1, 2, 3])]),
  };
  for (const [what, bytes] of Object.entries(cases)) assert.equal(await problemOf(bytes), 'damaged', what);
});

test('a newer version says so; what is not a package says so', async () => {
  const newer = Buffer.from(sealed.toString('latin1').replace('"version":1', '"version":2'), 'latin1');
  assert.equal(await problemOf(newer), 'newer');
  assert.equal(await problemOf(Buffer.from('%PDF-1.7 not a package')), 'not-a-package');
  assert.equal(await problemOf(Buffer.alloc(0)), 'not-a-package');
  // A hostile header asking for a gigabyte of scrypt memory is refused before any work.
  const greedy = Buffer.from(sealed.toString('latin1').replace(/"N":\d+/, `"N":${2 ** 24}`), 'latin1');
  assert.equal(await problemOf(greedy), 'damaged');
});
