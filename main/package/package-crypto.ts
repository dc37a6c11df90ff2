/**
 * The review package's cryptography, all from Node's crypto: scrypt turns the passphrase into 64 bytes
 * (an AES-256-GCM key and a key-check key); the payload is sealed in chunks of CHUNK_SIZE, each with its
 * own nonce (the header's random prefix and the chunk's number) and, as additional data, a hash of the
 * header, its number and whether it is the last — so a changed header, reordered or dropped chunks and a
 * file cut short all fail to authenticate.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { CHUNK_SIZE, DEFAULT_KDF, PACKAGE_MAGIC, PACKAGE_VERSION, type KdfParams, type PackageHeader } from './format.ts';

const TAG_BYTES = 16;
const KEY_CHECK_LABEL = 'attune-review-package key check';

export interface PackageKeys {
  encryption: Buffer;
  check: Buffer;
}

export function deriveKeys(passphrase: string, kdf: KdfParams): Promise<PackageKeys> {
  return new Promise((resolve, reject) => {
    // scrypt needs 128·N·r bytes; Node refuses more than maxmem, so allow what the parameters ask plus room.
    const maxmem = 128 * kdf.N * kdf.r * 2;
    scrypt(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 64, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem }, (error, key) => {
      if (error) reject(error);
      else resolve({ encryption: key.subarray(0, 32), check: key.subarray(32) });
    });
  });
}

export function keyCheck(keys: PackageKeys): string {
  return createHmac('sha256', keys.check).update(KEY_CHECK_LABEL).digest().subarray(0, 16).toString('base64');
}

export function keyCheckMatches(keys: PackageKeys, header: PackageHeader): boolean {
  return timingSafeEqual(Buffer.from(keyCheck(keys), 'base64'), Buffer.from(header.keyCheck, 'base64'));
}

/** A new header with fresh salt and nonce prefix, and the keys it stands for. */
export async function newHeader(passphrase: string): Promise<{ header: PackageHeader; keys: PackageKeys }> {
  const kdf: KdfParams = { ...DEFAULT_KDF, salt: randomBytes(16).toString('base64') };
  const keys = await deriveKeys(passphrase, kdf);
  const header: PackageHeader = {
    format: 'attune-review-package',
    version: PACKAGE_VERSION,
    kdf,
    cipher: 'aes-256-gcm',
    chunkSize: CHUNK_SIZE,
    noncePrefix: randomBytes(8).toString('base64'),
    keyCheck: keyCheck(keys),
  };
  return { header, keys };
}

/** The file's opening bytes: magic, header length (u32), header JSON. */
export function headerBytes(header: PackageHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([PACKAGE_MAGIC, length, json]);
}

function chunkCipherParams(header: PackageHeader, headerHash: Buffer, index: number, last: boolean): { nonce: Buffer; aad: Buffer } {
  const nonce = Buffer.alloc(12);
  Buffer.from(header.noncePrefix, 'base64').copy(nonce, 0);
  nonce.writeUInt32BE(index, 8);
  const aad = Buffer.alloc(headerHash.length + 5);
  headerHash.copy(aad, 0);
  aad.writeUInt32BE(index, headerHash.length);
  aad[headerHash.length + 4] = last ? 1 : 0;
  return { nonce, aad };
}

export const hashOfHeader = (bytes: Buffer): Buffer => createHash('sha256').update(bytes).digest();

/** One sealed chunk as stored: ciphertext length (u32), ciphertext, tag. */
export function sealChunk(keys: PackageKeys, header: PackageHeader, headerHash: Buffer, index: number, last: boolean, plain: Uint8Array): Buffer {
  const { nonce, aad } = chunkCipherParams(header, headerHash, index, last);
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, nonce).setAAD(aad);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  return Buffer.concat([length, body, cipher.getAuthTag()]);
}

/** The chunk's plaintext, or null when it does not authenticate (changed, moved, or not the last one after all). */
export function openChunk(keys: PackageKeys, header: PackageHeader, headerHash: Buffer, index: number, last: boolean, body: Buffer, tag: Buffer): Buffer | null {
  const { nonce, aad } = chunkCipherParams(header, headerHash, index, last);
  const decipher = createDecipheriv('aes-256-gcm', keys.encryption, nonce).setAAD(aad).setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    return null;
  }
}

export { TAG_BYTES };
