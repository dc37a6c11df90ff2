import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, test } from 'vitest';
import { openEncryptedDatabase, StoreKeyError } from '../../main/store/database.ts';
import { SCHEMA_VERSION } from '../../main/store/migrations.ts';
import { SessionStore } from '../../main/store/session-store.ts';
import type { NewSession } from '../../main/store/session-records.ts';
import { REPO, scratch } from '../helpers/paths.ts';
import { decryptedBytes, fileBytes, KNOWN_SNAPSHOTS, knownAnalysis, plaintextIn, SECRET_SUMMARY, testKey } from './fixtures.ts';

const scratchDir = scratch('store');
afterAll(() => scratchDir.remove());
let n = 0;
const freshDir = (): string => join(scratchDir.dir, `db${n++}`);

const recording = (sha = 'a'.repeat(64)): NewSession => ({
  filePath: '/recordings/2026-11-02 client Z.mp4',
  fileName: '2026-11-02 client Z.mp4',
  sha256: sha,
  sizeBytes: 123_456,
  mtimeMs: 1_700_000_000_000.5,
  durationSec: 3012.4,
});

function openIn(dir: string, key: Buffer): SessionStore {
  mkdirSync(dir, { recursive: true });
  return SessionStore.open(join(dir, 'sessions.db'), key);
}

function populated(dir: string, key: Buffer): { store: SessionStore; id: string } {
  const store = openIn(dir, key);
  const { id } = store.sessions.create(recording());
  store.sessions.recordConsent(id, { consentedBy: 'Client Z', consentedAt: '2026-11-02', purposes: ['self-review', 'supervision'], retainUntil: '2027-11-02' });
  store.analyses.save(id, knownAnalysis('a'.repeat(64)), KNOWN_SNAPSHOTS);
  store.analyses.assignRole(id, 'p1', 'client');
  store.analyses.saveThumbnail(id, 'p1', Buffer.from([0xff, 0xd8, 1, 2, 3]));
  return { store, id };
}

test('a session written, closed and reopened with the right key reads back identically', () => {
  const dir = freshDir();
  const key = testKey();
  const { store, id } = populated(dir, key);
  const before = { summary: store.sessions.summary(id), analysis: store.analyses.load(id), people: store.analyses.people(id), row: store.sessions.get(id) };
  store.close();

  const reopened = openIn(dir, key);
  assert.deepEqual(
    { summary: reopened.sessions.summary(id), analysis: reopened.analyses.load(id), people: reopened.analyses.people(id), row: reopened.sessions.get(id) },
    before,
  );
  const expected = knownAnalysis('a'.repeat(64));
  expected.people[0]!.role = 'client';
  assert.deepEqual(reopened.analyses.load(id), expected, 'the analysis document survives whole, with the assigned role');
  assert.deepEqual(reopened.analyses.thumbnail(id, 'p1'), Buffer.from([0xff, 0xd8, 1, 2, 3]));
  assert.equal(before.summary?.status, 'analysed');
  assert.equal(before.summary?.markerCount, 3);
  reopened.close();
});

test('a wrong key fails with a clear error and changes no byte of the store', () => {
  const dir = freshDir();
  const key = testKey();
  const { store } = populated(dir, key);
  store.close();
  const bytesBefore = fileBytes(dir);

  assert.throws(() => openIn(dir, testKey()), (error: unknown) => error instanceof StoreKeyError && /cannot be decrypted/.test(error.message));
  assert.deepEqual(fileBytes(dir), bytesBefore);
  const reopened = openIn(dir, key);
  assert.equal(reopened.sessions.list().length, 1, 'the right key still opens it afterwards');
  reopened.close();
});

test('no file of the store (database, -wal, -shm) contains a marker summary in plaintext', () => {
  const dir = freshDir();
  const { store } = populated(dir, testKey());
  const files = readdirSync(dir);
  assert.ok(files.some((f) => f.endsWith('-wal')), `a write-ahead log exists while open: ${files.join(', ')}`);
  assert.deepEqual(plaintextIn(dir, SECRET_SUMMARY), []);
  assert.deepEqual(plaintextIn(dir, 'Client Z'), [], 'nor the consent giver or file name');
  store.close();
  assert.deepEqual(plaintextIn(dir, SECRET_SUMMARY), []);
});

test('an analysis write that fails part-way leaves the session exactly as it was', () => {
  const dir = freshDir();
  const store = openIn(dir, testKey());
  const { id } = store.sessions.create(recording());
  const broken = knownAnalysis('a'.repeat(64));
  broken.markers[2]!.id = 'm1'; // the third marker collides with the first: the insert fails after two rows
  assert.throws(() => store.analyses.save(id, broken, KNOWN_SNAPSHOTS), /UNIQUE/);
  assert.equal(store.analyses.load(id), null);
  assert.deepEqual(store.analyses.people(id), []);
  assert.equal(store.sessions.summary(id)?.markerCount, 0);
  assert.equal(store.sessions.get(id)?.status, 'awaiting-consent');
  store.close();
});

/** Runs the store in a child process that kills itself (SIGKILL, no cleanup) in the middle of a write. */
function crashMidWrite(dir: string, key: Buffer, what: 'import' | 'analysis'): number | null {
  const script = `
    import { SessionStore } from ${JSON.stringify(join(REPO, 'main/store/session-store.ts'))};
    import { knownAnalysis } from ${JSON.stringify(join(REPO, 'tests/app/fixtures.ts'))};
    const store = SessionStore.open(${JSON.stringify(join(dir, 'sessions.db'))}, Buffer.from(${JSON.stringify(key.toString('hex'))}, 'hex'));
    const kill = () => process.kill(process.pid, 'SIGKILL');
    if (${JSON.stringify(what)} === 'import') {
      const row = { filePath: '/r/x.mp4', fileName: 'x.mp4', sha256: 'c'.repeat(64), sizeBytes: 1, mtimeMs: 1, durationSec: 1 };
      Object.defineProperty(row, 'durationSec', { enumerable: true, get: kill });
      store.sessions.create(row);
    } else {
      const id = store.sessions.list()[0].id;
      const analysis = knownAnalysis('a'.repeat(64));
      Object.defineProperty(analysis.markers[2], 'summary', { enumerable: true, get: kill });
      store.analyses.save(id, analysis, []);
    }`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' });
  assert.equal(child.signal, 'SIGKILL', child.stderr);
  return child.status;
}

test('a process killed in the middle of an import or an analysis write leaves nothing half-written', () => {
  const dir = freshDir();
  const key = testKey();
  const store = openIn(dir, key);
  const { id } = store.sessions.create(recording());
  store.close();

  crashMidWrite(dir, key, 'analysis');
  crashMidWrite(dir, key, 'import');

  const reopened = openIn(dir, key);
  assert.deepEqual(reopened.sessions.list().map((s) => s.id), [id], 'no half-imported session');
  assert.equal(reopened.analyses.load(id), null, 'no half-written analysis');
  assert.equal(reopened.sessions.summary(id)?.markerCount, 0);
  assert.deepEqual(reopened.analyses.people(id), []);
  reopened.close();
});

test('deleting a session removes every derived row, reports the counts, and leaves no trace in the files', () => {
  const dir = freshDir();
  const key = testKey();
  const { store, id } = populated(dir, key);
  const other = store.sessions.create(recording('b'.repeat(64))).id;

  assert.deepEqual(store.deleteSession(id), { sessions: 1, consentRecords: 1, people: 2, analyses: 1, markers: 3, notes: 0, noticeRuns: 0 });
  assert.equal(store.sessions.get(id), null);
  assert.equal(store.analyses.load(id), null);
  assert.deepEqual(store.analyses.people(id), []);
  assert.deepEqual(store.sessions.list().map((s) => s.id), [other], 'other sessions are untouched');
  assert.equal(store.deleteSession(id), null, 'deleting twice reports nothing to delete');
  store.close();
  assert.ok(!decryptedBytes(join(dir, 'sessions.db'), key, dir).includes(SECRET_SUMMARY), 'not even in a freed page of the decrypted file');
});

test('before deletion the decrypted pages do hold the summary (so the check above can see it)', () => {
  const dir = freshDir();
  const key = testKey();
  populated(dir, key).store.close();
  assert.ok(decryptedBytes(join(dir, 'sessions.db'), key, dir).includes(SECRET_SUMMARY));
});


test('the schema is versioned and a store from a newer Attune is refused, not altered', () => {
  const dir = freshDir();
  const key = testKey();
  mkdirSync(dir, { recursive: true });
  const db = openEncryptedDatabase(join(dir, 'sessions.db'), key);
  assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  db.close();
  assert.throws(() => openIn(dir, key), /newer version of Attune/);
});

test('the audit log is append-only, and an entry edited or removed behind its back breaks the hash chain there', () => {
  const dir = freshDir();
  const key = testKey();
  const store = openIn(dir, key);
  const at = new Date('2026-12-06T10:00:00Z');
  store.audit.append('therapist', 'import', 's1', {}, at);
  store.audit.append('therapist', 'open', 's1', {}, at);
  store.audit.append('therapist', 'role', 's1', { personId: 'p1', role: 'client' }, at);
  assert.deepEqual(store.audit.verify(), { brokenAt: null });
  assert.deepEqual(store.audit.list().map((e) => [e.seq, e.action]), [[1, 'import'], [2, 'open'], [3, 'role']]);
  store.close();

  // Through SQL the log refuses changes; someone who drops the guard and edits or removes rows is caught.
  const db = openEncryptedDatabase(join(dir, 'sessions.db'), key);
  assert.throws(() => db.prepare("UPDATE audit_log SET action = 'nothing' WHERE seq = 2").run(), /append-only/);
  assert.throws(() => db.prepare('DELETE FROM audit_log WHERE seq = 2').run(), /append-only/);
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete');
  db.prepare(`UPDATE audit_log SET detail = '{"personId":"p2","role":"client"}' WHERE seq = 3`).run();
  db.close();
  const edited = openIn(dir, key);
  assert.deepEqual(edited.audit.verify(), { brokenAt: 3 });
  edited.close();

  const removed = openEncryptedDatabase(join(dir, 'sessions.db'), key);
  removed.prepare('DELETE FROM audit_log WHERE seq = 2').run();
  removed.close();
  const gap = openIn(dir, key);
  assert.deepEqual(gap.audit.verify(), { brokenAt: 3 }, 'the entry after the removed one no longer follows');
  gap.close();
});
