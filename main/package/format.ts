/**
 * The review package's file format (docs/review-package.md), the parts that are not cryptography:
 * the magic, the header (in clear, holding no client data: the key derivation's parameters and the
 * cipher's), and how entries are laid end to end in the sealed payload.
 */

/** The first bytes of every package. */
export const PACKAGE_MAGIC = Buffer.from('ATTUNE-REVIEW-PACKAGE\n', 'ascii');
export const PACKAGE_VERSION = 1;
/** Plaintext bytes per sealed chunk; the last chunk may be shorter (or empty). */
export const CHUNK_SIZE = 1 << 20;
export const HEADER_MAX = 4096;

/** scrypt, as Node's crypto runs it; the cost is ~128 MiB and a fraction of a second per open. */
export interface KdfParams {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  /** base64, 16 random bytes. */
  salt: string;
}

export interface PackageHeader {
  format: 'attune-review-package';
  version: number;
  kdf: KdfParams;
  cipher: 'aes-256-gcm';
  chunkSize: number;
  /** base64, 8 random bytes; a chunk's 12-byte nonce is this and its 4-byte big-endian number. */
  noncePrefix: string;
  /** base64, 16 bytes: HMAC-SHA-256 under the derived check key, so a wrong passphrase is told from damage. */
  keyCheck: string;
}

export const DEFAULT_KDF = { name: 'scrypt', N: 1 << 17, r: 8, p: 1 } as const;

/** Why a package cannot be opened; each is its own sentence and exit code. */
export type PackageProblem = 'not-a-package' | 'newer' | 'wrong-passphrase' | 'damaged';

export class PackageError extends Error {
  override name = 'PackageError';
  constructor(
    readonly problem: PackageProblem,
    message: string,
  ) {
    super(message);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isBase64Of = (v: unknown, bytes: number): v is string => typeof v === 'string' && /^[A-Za-z0-9+/]+={0,2}$/.test(v) && Buffer.from(v, 'base64').length === bytes;

/**
 * The header as read from a file, checked: a newer version is told apart from damage, and parameters
 * that would make opening cost more than Attune ever asks (a hostile file) are refused as damage.
 */
export function parseHeader(text: string, damaged: (why: string) => PackageError): PackageHeader {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw damaged('its header is not readable');
  }
  if (!isObject(value) || value.format !== 'attune-review-package') throw damaged('its header is not a review package’s');
  if (typeof value.version !== 'number' || !Number.isInteger(value.version)) throw damaged('its header has no version');
  if (value.version > PACKAGE_VERSION) {
    throw new PackageError('newer', `This review package was made by a newer version of Attune (package version ${value.version}). Update Attune to open it.`);
  }
  const { kdf } = value;
  const kdfOk =
    isObject(kdf) && kdf.name === 'scrypt' && isBase64Of(kdf.salt, 16) &&
    [kdf.N, kdf.r, kdf.p].every((n) => Number.isInteger(n)) &&
    (kdf.N as number) >= 1 << 14 && (kdf.N as number) <= 1 << 20 && ((kdf.N as number) & ((kdf.N as number) - 1)) === 0 &&
    (kdf.r as number) >= 1 && (kdf.r as number) <= 16 && (kdf.p as number) >= 1 && (kdf.p as number) <= 4;
  if (value.version !== PACKAGE_VERSION || !kdfOk || value.cipher !== 'aes-256-gcm' || value.chunkSize !== CHUNK_SIZE ||
    !isBase64Of(value.noncePrefix, 8) || !isBase64Of(value.keyCheck, 16)) {
    throw damaged('its header was changed');
  }
  return value as unknown as PackageHeader;
}

/** One file inside the package: a name (a plain relative path) and its bytes. */
export interface PackageEntry {
  name: string;
  data: Uint8Array;
}

const NAME_MAX = 200;

export function isEntryName(name: string): boolean {
  return name.length > 0 && name.length <= NAME_MAX && /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(name) && !name.split('/').some((part) => part === '.' || part === '..');
}

/** An entry's frame in the payload: name length (u16), name (UTF-8), data length (u64), then the data. */
export function entryFrame(entry: PackageEntry): Uint8Array[] {
  if (!isEntryName(entry.name)) throw new Error(`"${entry.name}" cannot name a file in a package`);
  const name = Buffer.from(entry.name, 'utf8');
  const head = Buffer.alloc(2 + name.length + 8);
  head.writeUInt16BE(name.length, 0);
  name.copy(head, 2);
  head.writeBigUInt64BE(BigInt(entry.data.length), 2 + name.length);
  return [head, entry.data];
}

/** Splits a whole payload back into entries; anything that does not frame exactly is damage. */
export function readEntries(payload: Buffer, damaged: (why: string) => PackageError): PackageEntry[] {
  const entries: PackageEntry[] = [];
  let at = 0;
  while (at < payload.length) {
    if (at + 2 > payload.length) throw damaged('its contents are cut short');
    const nameLength = payload.readUInt16BE(at);
    const dataAt = at + 2 + nameLength + 8;
    if (dataAt > payload.length) throw damaged('its contents are cut short');
    const name = payload.subarray(at + 2, at + 2 + nameLength).toString('utf8');
    const size = payload.readBigUInt64BE(at + 2 + nameLength);
    if (!isEntryName(name) || size > BigInt(payload.length - dataAt)) throw damaged('its contents do not hold together');
    const end = dataAt + Number(size);
    entries.push({ name, data: payload.subarray(dataAt, end) });
    at = end;
  }
  return entries;
}
