/**
 * Damaged session stores, made for real from an encrypted store with sessions in it: cut short, a page
 * overwritten, the header zeroed, emptied, swapped for a plaintext database. Each must be detected at
 * start, explained in words, kept aside byte for byte, and recoverable from a backup. Also: backups are
 * encrypted and rotate to three, a restore keeps the library it replaces, and deleted sessions stay deleted.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, test } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import type { DeletionReport, SessionSummary } from '../../lib/ipc/contract.ts';
import type { BackupInfo, RestoreReport, StoreStatus } from '../../lib/ipc/store-channels.ts';
import { createAppBackend, type AppBackend } from '../../main/app/backend.ts';
import { backupFiles, BACKUPS_KEPT, sessionCountOf } from '../../main/store/backups.ts';
import { StoreKeyError } from '../../main/store/database.ts';
import { ProfileStore } from '../../main/store/profile-store.ts';
import { MODELS_DIR, scratch } from '../helpers/paths.ts';
import { decryptedBytes, KNOWN_SNAPSHOTS, knownAnalysis, SECRET_SUMMARY, testKey } from './fixtures.ts';

const scratchDir = scratch('store-damage');
afterAll(() => scratchDir.remove());
let n = 0;
const freshProfile = (): string => join(scratchDir.dir, `profile${n++}`);

const STORE = 'sessions.db';
const JARGON = /sqlite|corrupt|malformed|notadb|disk image|pragma|\bwal\b|errno/i;

/** One start of the app on `dataDir`, as main.ts makes it: open (or find damage), settle, back up. */
function start(dataDir: string, key: Buffer): AppBackend {
  return createAppBackend({ dataDir, dbKey: key, modelsDir: MODELS_DIR, analyze: () => Promise.reject(new Error('not used')) });
}

async function call<T>(backend: AppBackend, channel: string, payload?: unknown): Promise<T> {
  const result = await backend.invoke(channel, payload);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as T;
}

/** Adds analysed, consented sessions straight through the store (no recordings needed); returns their ids. */
function addSessions(dataDir: string, key: Buffer, count: number, firstSha = 0): string[] {
  mkdirSync(dataDir, { recursive: true });
  const profile = ProfileStore.open(dataDir, key);
  const ids = Array.from({ length: count }, (_, i) => {
    const sha = String(firstSha + i).padStart(64, '0');
    const { id } = profile.sessions.create({ filePath: `/recordings/s${sha}.mp4`, fileName: `Client Z ${firstSha + i}.mp4`, sha256: sha, sizeBytes: 1, mtimeMs: 1, durationSec: 60 });
    profile.sessions.recordConsent(id, { consentedBy: 'Client Z', consentedAt: '2026-11-02', purposes: ['self-review'], retainUntil: '2027-11-02' });
    profile.analyses.save(id, knownAnalysis(sha), KNOWN_SNAPSHOTS);
    return id;
  });
  profile.close();
  return ids;
}

/** A profile whose store holds three analysed sessions and whose latest start backed them up. */
async function profileWithBackup(): Promise<{ dataDir: string; key: Buffer; ids: string[] }> {
  const dataDir = freshProfile();
  const key = testKey();
  const ids = addSessions(dataDir, key, 3);
  await start(dataDir, key).close();
  return { dataDir, key, ids };
}

function overwrite(file: string, offset: number, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, bytes, 0, bytes.length, offset);
  closeSync(fd);
}

const PAGE = 4096;
/** Each damage, made to a store file, and the words it must be explained with. */
const DAMAGES: Record<string, (file: string, key: Buffer) => void> = {
  'cut to half its length': (file) => truncateSync(file, Math.floor(statSync(file).size / 2)),
  'cut mid-page': (file) => truncateSync(file, Math.floor(statSync(file).size / 2) + 100),
  'a page in the middle overwritten with random bytes': (file) => {
    const pages = statSync(file).size / PAGE;
    overwrite(file, Math.floor(pages / 2) * PAGE, randomBytes(PAGE));
  },
  'its header zeroed': (file) => overwrite(file, 0, Buffer.alloc(100)),
  'random bytes inside its first page': (file) => overwrite(file, 1000, randomBytes(200)),
  'emptied to 0 bytes': (file) => truncateSync(file, 0),
  // Authenticated pages whose contents break the schema, as a bug or a bad write could leave them.
  'holding a row that breaks the rules of its schema': (file, key) => {
    const db = new Database(file);
    db.pragma("cipher = 'sqlcipher'");
    db.pragma(`key = "x'${key.toString('hex')}'"`);
    db.pragma('ignore_check_constraints = ON');
    db.prepare("UPDATE sessions SET status = 'no such status'").run();
    db.close();
  },
  'replaced by a plaintext SQLite database': (file) => {
    rmSync(file);
    const other = new Database(file);
    other.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('not an Attune library')");
    other.close();
  },
};

const EXPLAINED: Record<keyof typeof DAMAGES, string> = {
  'cut to half its length': 'its file has been cut short',
  'cut mid-page': 'its file has been cut short',
  'a page in the middle overwritten with random bytes': 'part of its file can no longer be read',
  'its header zeroed': 'part of its file can no longer be read',
  'random bytes inside its first page': 'part of its file can no longer be read',
  'emptied to 0 bytes': 'its file is empty',
  'holding a row that breaks the rules of its schema': 'its contents no longer fit together',
  'replaced by a plaintext SQLite database': 'its file has been replaced by something that is not an Attune library',
};

for (const [damage, apply] of Object.entries(DAMAGES)) {
  test(`a store ${damage} is detected at start, explained, kept aside unchanged, and a backup restores its sessions`, async () => {
    const { dataDir, key, ids } = await profileWithBackup();
    apply(join(dataDir, STORE), key);
    const damagedBytes = readFileSync(join(dataDir, STORE));

    const backend = start(dataDir, key);
    try {
      const status = await call<StoreStatus>(backend, 'store:status');
      assert.equal(status.state, 'damaged');
      if (status.state !== 'damaged') return;
      assert.match(status.message, /^Attune could not open your session library because .+\. The damaged file has been kept, unchanged, as “sessions\.db\.damaged-[0-9TZ-]+” in Attune's data folder; you can restore one of its backups, or start with an empty library\.$/);
      assert.ok(status.message.startsWith(`Attune could not open your session library because ${EXPLAINED[damage]}.`), status.message);
      assert.doesNotMatch(status.message, JARGON);
      assert.ok(readFileSync(status.keptAs!).equals(damagedBytes), 'the damaged bytes are kept exactly');
      assert.ok(!existsSync(join(dataDir, STORE)), 'nothing was written in its place before the clinician chose');

      const refused = await backend.invoke('library:list', undefined);
      assert.deepEqual(refused, { ok: false, error: { code: 'failed', message: status.message } }, 'the library says why it is unavailable');
      assert.equal(backend.recordingFor(ids[0]!), null);

      const [newest] = await call<BackupInfo[]>(backend, 'store:backups');
      assert.equal(newest?.sessionCount, 3);
      const report = await call<RestoreReport>(backend, 'store:restore', { backupId: newest!.id });
      assert.deepEqual(report, { restoredFrom: newest!.createdAt, sessionCount: 3, previousKeptAs: null, deletionsReapplied: 0 });
      assert.deepEqual((await call<SessionSummary[]>(backend, 'library:list')).map((s) => s.id).sort(), [...ids].sort());
      assert.deepEqual(await call(backend, 'store:status'), { state: 'open', backupProblem: null });
    } finally {
      await backend.close();
    }
    const reopened = ProfileStore.open(dataDir, key);
    assert.deepEqual(reopened.analyses.load(ids[1]!), knownAnalysis(String(1).padStart(64, '0')), 'the analyses are whole');
    reopened.close();
    assert.ok(readFileSync(join(dataDir, readdirSync(dataDir).find((f) => f.includes('.damaged-'))!)).equals(damagedBytes), 'and still kept after the restore');
  });
}

test('a damaged store with no backup: told so, and only an explicit choice starts an empty library', async () => {
  const dataDir = freshProfile();
  const key = testKey();
  addSessions(dataDir, key, 2);
  DAMAGES['a page in the middle overwritten with random bytes']!(join(dataDir, STORE), key);
  const backend = start(dataDir, key);
  try {
    const status = await call<StoreStatus>(backend, 'store:status');
    assert.equal(status.state, 'damaged');
    assert.match(status.state === 'damaged' ? status.message : '', /there is no backup to restore, so you can start with an empty library\.$/);
    assert.deepEqual(await call(backend, 'store:backups'), []);
    assert.deepEqual(await call(backend, 'store:startEmpty'), { state: 'open', backupProblem: null });
    assert.deepEqual(await call(backend, 'library:list'), []);
    await assert.rejects(call(backend, 'store:startEmpty'), { code: 'conflict' }, 'an open library is never replaced this way');
    assert.ok(existsSync(status.state === 'damaged' ? status.keptAs! : ''), 'the damaged file stays');
  } finally {
    await backend.close();
  }
});

test('closing Attune before choosing keeps asking; starting empty pins the earlier backups so later starts keep them', async () => {
  const { dataDir, key, ids } = await profileWithBackup();
  DAMAGES['a page in the middle overwritten with random bytes']!(join(dataDir, STORE), key);
  const backupsBefore = backupFiles(join(dataDir, 'backups')).map((b) => b.id);
  await start(dataDir, key).close();

  const again = start(dataDir, key);
  const status = await call<StoreStatus>(again, 'store:status');
  assert.equal(status.state, 'damaged', 'the missing library is not silently replaced by an empty one');
  assert.match(status.state === 'damaged' ? status.message : '', /^Attune has no working session library to open: the last one it found was damaged and is kept, unchanged, as “sessions\.db\.damaged-/);
  assert.doesNotMatch(status.state === 'damaged' ? status.message : '', JARGON);
  assert.deepEqual(backupFiles(join(dataDir, 'backups')).map((b) => b.id), backupsBefore, 'no backup made or rotated while damaged');
  await call(again, 'store:startEmpty');
  await again.close();

  for (let i = 0; i < BACKUPS_KEPT + 1; i++) await start(dataDir, key).close();
  const last = start(dataDir, key);
  const backups = await call<BackupInfo[]>(last, 'store:backups');
  await last.close();
  assert.equal(backups.filter((b) => !b.pinned).length, BACKUPS_KEPT);
  assert.deepEqual(backups.filter((b) => b.pinned).map((b) => [b.id, b.sessionCount]), backupsBefore.map((id) => [id, ids.length]), 'the pre-damage backups are still there');
});

test('a library file removed by hand while backups exist is not replaced by an empty one', async () => {
  const { dataDir, key } = await profileWithBackup();
  rmSync(join(dataDir, STORE));
  const backend = start(dataDir, key);
  try {
    assert.deepEqual(await call(backend, 'store:status'), {
      state: 'damaged',
      message: "Attune could not find your session library: its file is missing from Attune's data folder; you can restore one of its backups, or start with an empty library.",
      keptAs: null,
    });
    const [newest] = await call<BackupInfo[]>(backend, 'store:backups');
    assert.equal((await call<RestoreReport>(backend, 'store:restore', { backupId: newest!.id })).sessionCount, 3);
  } finally {
    await backend.close();
  }
});

test('a wrong key is not damage: the store and its backups are left untouched', async () => {
  const { dataDir, key } = await profileWithBackup();
  const before = readdirSync(dataDir, { recursive: true }).map(String).sort();
  const bytes = readFileSync(join(dataDir, STORE));
  assert.throws(() => start(dataDir, testKey()), StoreKeyError);
  assert.deepEqual(readdirSync(dataDir, { recursive: true }).map(String).sort(), before);
  assert.ok(readFileSync(join(dataDir, STORE)).equals(bytes));
  await start(dataDir, key).close();
});

test('each start makes a backup and only the newest three are kept', async () => {
  const dataDir = freshProfile();
  const key = testKey();
  for (let i = 0; i < 5; i++) {
    addSessions(dataDir, key, 1, i);
    await start(dataDir, key).close();
  }
  const backups = backupFiles(join(dataDir, 'backups'));
  assert.equal(backups.length, BACKUPS_KEPT);
  assert.deepEqual(backups.map((b) => sessionCountOf(b.file, key)), [5, 4, 3], 'newest first, the oldest two deleted');
  assert.deepEqual(readdirSync(join(dataDir, 'backups')).sort(), backups.map((b) => `sessions-${b.id}.db`).sort(), 'no partial or -wal files');
});

test('a backup is encrypted: no plaintext of a session in its bytes, and it opens only with the key', async () => {
  const { dataDir, key } = await profileWithBackup();
  const [backup] = backupFiles(join(dataDir, 'backups'));
  const bytes = readFileSync(backup!.file);
  assert.ok(!bytes.includes(Buffer.from(SECRET_SUMMARY)), 'no marker summary');
  assert.ok(!bytes.includes(Buffer.from('Client Z')), 'no consent giver or file name');
  assert.ok(!bytes.subarray(0, 16).equals(Buffer.from('SQLite format 3\0', 'latin1')), 'not a plaintext header');
  assert.equal(sessionCountOf(backup!.file, key), 3);
  assert.equal(sessionCountOf(backup!.file, testKey()), null, 'another key cannot read it');
  const plain = new Database(backup!.file, { readonly: true });
  assert.throws(() => plain.prepare('SELECT count(*) FROM sessions').get(), { code: 'SQLITE_NOTADB' }, 'nor can SQLite without a key');
  plain.close();
});

test('restoring keeps the library it replaces aside, whole', async () => {
  const { dataDir, key, ids } = await profileWithBackup();
  const [later] = addSessions(dataDir, key, 1, 10);
  const backend = start(dataDir, key);
  try {
    const backups = await call<BackupInfo[]>(backend, 'store:backups');
    const older = backups.find((b) => b.sessionCount === 3)!;
    const report = await call<RestoreReport>(backend, 'store:restore', { backupId: older.id });
    assert.equal(report.sessionCount, 3);
    assert.match(report.previousKeptAs ?? '', /sessions\.db\.before-restore-[0-9TZ-]+$/);
    assert.deepEqual((await call<SessionSummary[]>(backend, 'library:list')).map((s) => s.id).sort(), [...ids].sort());
    const kept = new Database(report.previousKeptAs!, { readonly: true });
    kept.pragma("cipher = 'sqlcipher'");
    kept.pragma(`key = "x'${key.toString('hex')}'"`);
    assert.deepEqual((kept.prepare('SELECT id FROM sessions').pluck().all() as string[]).sort(), [...ids, later].sort(), 'the replaced library, with the later session');
    kept.close();
    await assert.rejects(call(backend, 'store:restore', { backupId: '2020-01-01T00-00-00-000Z' }), { code: 'not-found' });
  } finally {
    await backend.close();
  }
});

test('a backup that cannot be read is refused and changes nothing', async () => {
  const { dataDir, key, ids } = await profileWithBackup();
  const backend = start(dataDir, key);
  try {
    const [newest] = await call<BackupInfo[]>(backend, 'store:backups');
    const file = backupFiles(join(dataDir, 'backups')).find((b) => b.id === newest!.id)!.file;
    DAMAGES['a page in the middle overwritten with random bytes']!(file, key);
    await assert.rejects(call(backend, 'store:restore', { backupId: newest!.id }), /could not be read either, so nothing was changed/);
    assert.equal((await call<SessionSummary[]>(backend, 'library:list')).length, ids.length);
    assert.ok(!readdirSync(dataDir).some((f) => f.includes('before-restore') || f.includes('restoring')));
  } finally {
    await backend.close();
  }
});

test('a deleted session is removed from the backups and a restore never brings it back', async () => {
  const { dataDir, key, ids } = await profileWithBackup();
  const backupsDir = join(dataDir, 'backups');
  // A copy from before the deletion that the purge does not know about (as if copied back by hand).
  const [original] = backupFiles(backupsDir);
  mkdirSync(join(dataDir, 'elsewhere'));
  const stray = join(dataDir, 'elsewhere', 'copy.db');
  copyFileSync(original!.file, stray);

  const backend = start(dataDir, key);
  try {
    const report = await call<DeletionReport>(backend, 'sessions:delete', { sessionId: ids[0] });
    assert.equal(report.copiesCleared, 2, 'both backups that held it (this start and the previous one)');
    for (const backup of backupFiles(backupsDir)) assert.equal(sessionCountOf(backup.file, key), 2);

    copyFileSync(stray, join(backupsDir, 'sessions-2020-01-01T00-00-00-000Z.db'));
    const restored = await call<RestoreReport>(backend, 'store:restore', { backupId: '2020-01-01T00-00-00-000Z' });
    assert.equal(restored.deletionsReapplied, 1);
    assert.equal(restored.sessionCount, 2);
    assert.deepEqual((await call<SessionSummary[]>(backend, 'library:list')).map((s) => s.id).sort(), ids.slice(1).sort());
  } finally {
    await backend.close();
  }
  const log = readFileSync(join(dataDir, 'deleted-sessions.log'), 'utf8');
  assert.match(log, new RegExp(`^\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z ${ids[0]}\\n$`), 'the log holds only a time and the random id');
});


test('a deleted session leaves no trace in the decrypted backups either', async () => {
  const dataDir = freshProfile();
  const key = testKey();
  const phrase = 'Client-Omega looked away when the court date came up';
  mkdirSync(dataDir, { recursive: true });
  const profile = ProfileStore.open(dataDir, key);
  const { id } = profile.sessions.create({ filePath: '/recordings/omega.mp4', fileName: 'Omega intake.mp4', sha256: 'e'.repeat(64), sizeBytes: 1, mtimeMs: 1, durationSec: 60 });
  const analysis = knownAnalysis('e'.repeat(64));
  analysis.markers[0]!.summary = phrase;
  profile.analyses.save(id, analysis, KNOWN_SNAPSHOTS);
  profile.close();
  addSessions(dataDir, key, 1);
  await start(dataDir, key).close();
  const backups = () => backupFiles(join(dataDir, 'backups'));
  assert.ok(decryptedBytes(backups()[0]!.file, key, scratchDir.dir).includes(Buffer.from(phrase)), 'the backup held it (so the check below can see it)');

  const backend = start(dataDir, key);
  try {
    await call(backend, 'sessions:delete', { sessionId: id });
  } finally {
    await backend.close();
  }
  assert.equal(backups().length, 2, 'the one from before and the one from the start that deleted it');
  for (const backup of backups()) {
    const bytes = decryptedBytes(backup.file, key, scratchDir.dir);
    assert.ok(!bytes.includes(Buffer.from(phrase)), `no marker summary in ${backup.id}`);
    assert.ok(!bytes.includes(Buffer.from('Omega intake')), `no file name in ${backup.id}`);
    assert.equal(sessionCountOf(backup.file, key), 1);
  }
});

test('a start cut off mid-backup leaves nothing that is taken for a backup, and the next start cleans it', async () => {
  const { dataDir, key } = await profileWithBackup();
  const partial = join(dataDir, 'backups', 'sessions-2026-01-01T00-00-00-000Z.db.partial');
  writeFileSync(partial, randomBytes(PAGE));
  const backend = start(dataDir, key);
  try {
    assert.ok((await call<BackupInfo[]>(backend, 'store:backups')).every((b) => b.sessionCount === 3));
    assert.ok(!existsSync(partial));
  } finally {
    await backend.close();
  }
});
