import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, test } from 'vitest';
import { KeyUnavailableError, loadOrCreateStoreKey, STORE_KEY_FILE, type KeyProtector } from '../../main/store/store-key.ts';
import { scratch } from '../helpers/paths.ts';

const scratchDir = scratch('store-key');
afterAll(() => scratchDir.remove());

/** Stands in for Electron's safeStorage (the OS keyring), which only exists inside Electron. */
function fakeSafeStorage(backend = 'gnome_libsecret'): KeyProtector & { calls: number } {
  const mask = (bytes: Buffer): Buffer => Buffer.from(bytes.map((b) => b ^ 0x5a));
  return {
    calls: 0,
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString(plainText) {
      this.calls++;
      return Buffer.concat([Buffer.from('v10'), mask(Buffer.from(plainText))]);
    },
    decryptString: (encrypted) => mask(encrypted.subarray(3)).toString(),
  };
}

test('the store key is generated once, kept only in its protected form, and reused', () => {
  const protector = fakeSafeStorage();
  const first = loadOrCreateStoreKey(scratchDir.dir, protector);
  assert.equal(first.length, 32);
  const onDisk = readFileSync(join(scratchDir.dir, STORE_KEY_FILE));
  assert.ok(!onDisk.includes(Buffer.from(first.toString('hex'))), 'the key is never written in the clear');
  assert.deepEqual(loadOrCreateStoreKey(scratchDir.dir, protector), first);
  assert.equal(protector.calls, 1, 'encrypted once, at creation');
});

test('without a real OS keyring Attune refuses to create a key rather than protect it with nothing', () => {
  for (const protector of [fakeSafeStorage('basic_text'), { ...fakeSafeStorage(), isEncryptionAvailable: () => false }]) {
    assert.throws(() => loadOrCreateStoreKey(join(scratchDir.dir, 'none'), protector), KeyUnavailableError);
  }
});
