/**
 * A sealed file: the header, then the payload — entries laid end to end (lib/package/format.ts) —
 * in authenticated chunks (package-crypto.ts). Writing streams: memory holds one chunk. Opening checks
 * every chunk before returning anything, so a damaged, changed or cut-short file gives nothing.
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { CHUNK_SIZE, HEADER_MAX, PACKAGE_MAGIC, PackageError, entryFrame, parseHeader, readEntries, type PackageEntry } from './format.ts';
import { deriveKeys, hashOfHeader, headerBytes, keyCheckMatches, newHeader, openChunk, sealChunk, TAG_BYTES } from './package-crypto.ts';

/** The sealed file's bytes, in pieces for writeAtomically. */
export async function* sealEntries(entries: Iterable<PackageEntry> | AsyncIterable<PackageEntry>, passphrase: string): AsyncGenerator<Uint8Array> {
  const { header, keys } = await newHeader(passphrase);
  const head = headerBytes(header);
  const headerHash = hashOfHeader(head);
  yield head;
  let index = 0;
  let pending = Buffer.alloc(0);
  for await (const entry of entries) {
    for (const piece of entryFrame(entry)) {
      pending = Buffer.concat([pending, piece]);
      // A full chunk is sealed as "not the last" only once more bytes are known to follow it.
      while (pending.length > CHUNK_SIZE) {
        yield sealChunk(keys, header, headerHash, index++, false, pending.subarray(0, CHUNK_SIZE));
        pending = pending.subarray(CHUNK_SIZE);
      }
    }
  }
  yield sealChunk(keys, header, headerHash, index, true, pending);
}

/**
 * The entries of a sealed file, every chunk authenticated; a PackageError saying what is wrong otherwise.
 * The file is read one chunk at a time, so memory holds the plaintext and one sealed chunk, not the file too.
 */
export async function openSealedFile(path: string, passphrase: string): Promise<PackageEntry[]> {
  const name = basename(path);
  const damaged = (why: string) =>
    new PackageError('damaged', `${name} is damaged or was changed after it was made (${why}), so nothing was opened. Ask for the package to be sent again.`);
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const read = async (at: number, length: number): Promise<Buffer> => {
      const bytes = Buffer.alloc(length);
      const { bytesRead } = await file.read(bytes, 0, length, at);
      return bytes.subarray(0, bytesRead);
    };
    const magic = await read(0, PACKAGE_MAGIC.length);
    if (!magic.equals(PACKAGE_MAGIC)) throw new PackageError('not-a-package', `${name} is not an Attune review package.`);
    let at = PACKAGE_MAGIC.length;
    if (size < at + 4) throw damaged('it is cut short');
    const headerLength = (await read(at, 4)).readUInt32BE(0);
    if (headerLength > HEADER_MAX || size < at + 4 + headerLength) throw damaged('its header is cut short or too long');
    const head = await read(0, at + 4 + headerLength);
    const header = parseHeader(head.subarray(at + 4).toString('utf8'), damaged);
    const keys = await deriveKeys(passphrase, header.kdf);
    if (!keyCheckMatches(keys, header)) {
      throw new PackageError('wrong-passphrase', `The passphrase does not open ${name}. Check it with the person who sent the package.`);
    }
    const headerHash = hashOfHeader(head);
    at = head.length;
    const plain: Buffer[] = [];
    for (let index = 0; ; index++) {
      if (size < at + 4) throw damaged('it is cut short');
      const length = (await read(at, 4)).readUInt32BE(0);
      const end = at + 4 + length + TAG_BYTES;
      if (length > CHUNK_SIZE || end > size) throw damaged('it is cut short');
      const last = end === size;
      const sealed = await read(at + 4, length + TAG_BYTES);
      const chunk = openChunk(keys, header, headerHash, index, last, sealed.subarray(0, length), sealed.subarray(length));
      if (!chunk) throw damaged(last ? 'its contents do not match their seal, or its end is missing' : 'its contents do not match their seal');
      plain.push(chunk);
      at = end;
      if (last) break;
    }
    return readEntries(Buffer.concat(plain), damaged);
  } finally {
    await file.close();
  }
}
