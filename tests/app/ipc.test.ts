import assert from 'node:assert/strict';
import { test } from 'vitest';
import { API, API_EVENTS, channels, type ChannelName, type JobView } from '../../lib/ipc/contract.ts';
import { IpcValidationError } from '../../lib/ipc/parse.ts';
import type { IpcInvokeEventEdge, IpcMainEdge } from '../../main/app/electron-edge.ts';
import { isTrustedSender, registerIpcHandlers } from '../../main/app/ipc-edge.ts';
import { buildAttuneApi, type IpcRendererEdge } from '../../main/preload/build-api.ts';

const ID = '3f2b8c1e-5d2a-4c8e-9a7b-0c1d2e3f4a5b';
const consent = { sessionId: ID, consentedBy: 'Client Z', consentedAt: '2026-11-02', purposes: ['self-review'], retainUntil: '2027-11-02' };

const note = { authorRole: 'supervisor', authorName: 'Dr. S.', startSec: 12.5, endSec: 20, markerId: null, text: 'Here the client went quiet.', tag: 'rupture', rating: 4 };

const valid: Record<ChannelName, unknown> = {
  'app:info': undefined,
  'library:list': undefined,
  'sessions:import': { filePath: '/home/t/Recordings/s1.mp4' },
  'sessions:recordConsent': consent,
  'sessions:get': { sessionId: ID },
  'sessions:relocate': { sessionId: ID },
  'sessions:startAnalysis': { sessionId: ID },
  'sessions:delete': { sessionId: ID },
  'sessions:withdrawConsent': { sessionId: ID },
  'store:deletionReceipts': undefined,
  'store:auditLog': undefined,
  'store:exportAuditLog': { filePath: '/home/t/attune-audit-log.csv' },
  'jobs:list': undefined,
  'jobs:cancel': { jobId: ID },
  'people:assignRole': { sessionId: ID, personId: 'p1', role: 'client' },
  'people:thumbnail': { sessionId: ID, personId: 'p1' },
  'media:url': { sessionId: ID },
  'store:status': undefined,
  'store:backups': undefined,
  'store:restore': { backupId: '2026-12-04T20-46-25-123Z' },
  'store:startEmpty': undefined,
  'sessions:export': { sessionId: ID, format: 'pdf', filePath: '/home/t/Exports/s1.report.pdf' },
  'package:create': { sessionId: ID, passphrase: 'four words are enough', filePath: '/home/t/s1.attune' },
  'package:import': { passphrase: 'four words are enough' },
  'lock:state': undefined,
  'lock:now': undefined,
  'lock:unlock': { passphrase: 'tea at five' },
  'lock:configure': { idleMinutes: 10, newPassphrase: 'tea at five', currentPassphrase: '' },
  'notes:list': { sessionId: ID },
  'notes:add': { sessionId: ID, ...note },
  'notes:update': { noteId: ID, ...note, markerId: 'm3', tag: null },
  'notes:delete': { noteId: ID },
  'notes:scale': undefined,
  'notes:export': { sessionId: ID, filePath: '/home/t/Exports/s1.notes.json' },
  'notes:settings': undefined,
  'notes:saveSettings': { writingAs: 'supervisor', names: { therapist: 'T. Lind', supervisor: '' }, tags: ['rupture', 'own word'] },
  'notice:save': { sessionId: ID, presses: [{ tSec: 12.5, word: 'quiet' }, { tSec: 40, word: null }] },
  'notice:latest': { sessionId: ID },
  'notice:history': undefined,
};

test('every channel accepts its well-formed request', () => {
  for (const [name, payload] of Object.entries(valid) as [ChannelName, unknown][]) {
    assert.deepEqual(channels[name].parse(payload), payload, name);
  }
  assert.deepEqual(channels['sessions:import'].parse(undefined), undefined, 'import without a path opens the picker');
});

const bad: [ChannelName, unknown, RegExp][] = [
  ['sessions:get', undefined, /expected an object/],
  ['sessions:get', null, /expected an object/],
  ['sessions:get', [ID], /expected an object/],
  ['sessions:get', { sessionId: '../../etc/passwd' }, /sessionId: expected an id/],
  ['sessions:get', { sessionId: "x' OR 1=1 --" }, /expected an id/],
  ['sessions:get', { sessionId: 42 }, /expected an id/],
  ['sessions:get', { sessionId: ID, extra: true }, /extra: unknown field/],
  ['sessions:get', JSON.parse(`{"sessionId":"${ID}","__proto__":{"polluted":1}}`), /__proto__: unknown field/],
  ['sessions:import', { filePath: 'relative/s1.mp4' }, /absolute file path/],
  ['sessions:import', { filePath: '/tmp/a\0.mp4' }, /absolute file path/],
  ['sessions:import', 'file:///etc/passwd', /expected an object/],
  ['sessions:recordConsent', { ...consent, purposes: [] }, /non-empty list/],
  ['sessions:recordConsent', { ...consent, purposes: ['marketing'] }, /one of self-review, supervision, research/],
  ['sessions:recordConsent', { ...consent, purposes: ['research', 'research'] }, /without duplicates/],
  ['sessions:recordConsent', { ...consent, consentedAt: 'yesterday' }, /ISO 8601/],
  ['sessions:recordConsent', { ...consent, retainUntil: '2027-02-30T25:00' }, /ISO 8601/],
  ['sessions:recordConsent', { ...consent, consentedBy: '   ' }, /non-empty text/],
  ['sessions:recordConsent', { ...consent, consentedBy: 'x'.repeat(201) }, /at most 200/],
  ['people:assignRole', { sessionId: ID, personId: 'p1', role: 'patient' }, /one of client, therapist, unknown/],
  ['jobs:cancel', { jobId: '' }, /expected an id/],
  ['library:list', { all: true }, /no payload/],
  ['store:restore', { backupId: '../sessions.db' }, /backupId: expected an id/],
  ['store:restore', {}, /backupId: expected an id/],
  ['notes:add', { sessionId: ID, ...note, startSec: -1 }, /startSec: expected a time in seconds/],
  ['notes:add', { sessionId: ID, ...note, endSec: Number.NaN }, /endSec: expected a time in seconds/],
  ['notes:add', { sessionId: ID, ...note, authorRole: 'client' }, /one of therapist, supervisor/],
  ['notes:saveSettings', { writingAs: 'therapist', names: { therapist: 'T.' }, tags: [] }, /names.supervisor: expected text/],
  ['sessions:export', { sessionId: ID, format: 'docx' }, /format: expected one of eaf, csv/],
  ['package:create', { sessionId: ID, passphrase: '' }, /passphrase: expected non-empty text/],
  ['lock:configure', { idleMinutes: 2.5 }, /idleMinutes: expected a whole number/],
  ['lock:configure', { idleMinutes: 10, newPassphrase: '' }, /newPassphrase: expected non-empty text/],
  ['package:import', { passphrase: 'x'.repeat(1001) }, /passphrase: expected non-empty text of at most 1000/],
  ['sessions:export', { sessionId: ID, format: 'html', filePath: 'report.html' }, /filePath: expected an absolute file path/],
  ['notes:saveSettings', { writingAs: 'therapist', names: { therapist: '', supervisor: '' }, tags: ['  '] }, /tags\[0\]: expected non-empty text/],
  ['notes:saveSettings', { writingAs: 'therapist', names: { therapist: '', supervisor: '' }, tags: Array(31).fill('x') }, /tags: expected a list of at most 30/],
  ['notes:add', { sessionId: ID, ...note, text: 'x'.repeat(4001) }, /at most 4000/],
  ['notes:add', { sessionId: ID, ...note, rating: 3.5 }, /rating: expected a whole number/],
  ['notes:add', { sessionId: ID, ...note, tag: '' }, /tag: expected non-empty text/],
  ['notes:add', { sessionId: ID, ...note, markerId: undefined }, /markerId: expected an id/],
  ['notes:update', { noteId: ID, ...note, sessionId: ID }, /sessionId: unknown field/],
  ['notice:save', { sessionId: ID, presses: [{ tSec: -2, word: null }] }, /presses\[0\]\.tSec: expected a time in seconds/],
  ['notice:save', { sessionId: ID, presses: Array.from({ length: 1001 }, () => ({ tSec: 1, word: null })) }, /a list of at most 1000/],
  ['notice:save', { sessionId: ID, presses: [{ tSec: 1 }] }, /word: expected non-empty text/],
];

test('malformed requests are refused with a message that names the field', () => {
  for (const [name, payload, message] of bad) {
    assert.throws(() => channels[name].parse(payload), (error: unknown) => error instanceof IpcValidationError && message.test(error.message), `${name} ${JSON.stringify(payload)}`);
  }
});

function event(url: string, senderId = 1, parent: unknown = null): IpcInvokeEventEdge {
  return { sender: { id: senderId }, senderFrame: { url, parent } };
}

test('only the top frame of the trusted window showing attune://app/ is a trusted sender', () => {
  const trusted = new Set([1]);
  assert.equal(isTrustedSender(event('attune://app/index.html'), trusted), true);
  assert.equal(isTrustedSender(event('attune://app/#/session/1'), trusted), true);
  for (const url of ['https://evil.example/', 'file:///home/t/index.html', 'attune://vision/vision-page.html', 'attune-media://session/x', 'attune://app.evil/', 'not a url']) {
    assert.equal(isTrustedSender(event(url), trusted), false, url);
  }
  assert.equal(isTrustedSender(event('attune://app/index.html', 2), trusted), false, 'another window (e.g. the vision window)');
  assert.equal(isTrustedSender(event('attune://app/index.html', 1, {}), trusted), false, 'a sub-frame');
  assert.equal(isTrustedSender({ sender: { id: 1 }, senderFrame: null }, trusted), false, 'a frame that is gone');
});

/** Stands in for Electron's ipcMain: records the handlers and lets the test invoke them as a renderer would. */
function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcInvokeEventEdge, payload: unknown) => Promise<unknown>>();
  const ipcMain: IpcMainEdge = {
    handle: (channel, listener) => {
      assert.ok(!handlers.has(channel), `${channel} registered twice`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  return { ipcMain, handlers };
}

test('ipcMain gets exactly the contract channels; untrusted senders are refused before the backend sees anything', async () => {
  const { ipcMain, handlers } = fakeIpcMain();
  const seen: [string, unknown][] = [];
  const backend = { invoke: async (channel: string, payload: unknown) => (seen.push([channel, payload]), { ok: true as const, value: 'fine' }) };
  const unregister = registerIpcHandlers(ipcMain, backend, (e) => isTrustedSender(e, new Set([1])));
  assert.deepEqual([...handlers.keys()].sort(), Object.keys(channels).sort());

  const refused = await handlers.get('library:list')!(event('https://evil.example/'), undefined);
  assert.deepEqual(refused, { ok: false, error: { code: 'forbidden', message: 'This window may not use Attune.' } });
  assert.deepEqual(seen, []);

  assert.deepEqual(await handlers.get('sessions:get')!(event('attune://app/index.html'), { sessionId: ID }), { ok: true, value: 'fine' });
  assert.deepEqual(seen, [['sessions:get', { sessionId: ID }]]);
  unregister();
  assert.equal(handlers.size, 0);
});

/** Stands in for ipcRenderer: answers invokes from a table and lets the test push events. */
function fakeIpcRenderer(answer: (channel: string, payload: unknown) => unknown) {
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  const ipc: IpcRendererEdge = {
    invoke: async (channel, payload) => answer(channel, payload),
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const emit = (channel: string, payload: unknown): void => listeners.get(channel)?.forEach((l) => l({ sender: 'must not leak' }, payload));
  return { ipc, emit, listeners };
}

test('window.attune has one method per contract channel, each invoking its own channel', async () => {
  const calls: [string, unknown][] = [];
  const { ipc } = fakeIpcRenderer((channel, payload) => (calls.push([channel, payload]), { ok: true, value: channel }));
  const api = buildAttuneApi(ipc) as unknown as Record<string, Record<string, (request?: unknown) => Promise<unknown>>>;
  const exposed = Object.entries(API).flatMap(([ns, methods]) => Object.entries(methods).map(([m, channel]) => [ns, m, channel] as const));
  assert.deepEqual(exposed.map(([, , c]) => c).sort(), Object.keys(channels).sort(), 'the API map covers every channel once');
  for (const [ns, method, channel] of exposed) {
    assert.equal(await api[ns]![method]!(valid[channel]), channel);
  }
  assert.deepEqual(calls.map(([c]) => c), exposed.map(([, , c]) => c));
  assert.deepEqual(Object.keys(api).sort(), [...new Set([...Object.keys(API), ...Object.keys(API_EVENTS)])].sort(), 'and nothing else');
});

test('a refused request rejects with the clinician-facing message', async () => {
  const { ipc } = fakeIpcRenderer(() => ({ ok: false, error: { code: 'not-found', message: 'The session was not found; it may have been deleted.' } }));
  await assert.rejects(buildAttuneApi(ipc).sessions.get({ sessionId: ID }), { message: 'The session was not found; it may have been deleted.' });
});

test('jobs.onProgress delivers only the payload and returns a working unsubscribe', () => {
  const { ipc, emit, listeners } = fakeIpcRenderer(() => null);
  const api = buildAttuneApi(ipc);
  const received: unknown[][] = [];
  const unsubscribe = api.jobs.onProgress((...args: unknown[]) => received.push(args));
  const job = { jobId: ID, state: 'running' } as unknown as JobView;
  emit('jobs:progress', job);
  assert.deepEqual(received, [[job]], 'no IPC event object reaches the page');
  unsubscribe();
  emit('jobs:progress', job);
  assert.equal(received.length, 1);
  assert.equal(listeners.get('jobs:progress')?.size, 0);
});
