import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, test } from 'vitest';
import { createAppProtocolHandler, directoryResolver } from '../../main/app/app-protocol.ts';
import type { RecordingRef } from '../../main/app/backend.ts';
import { APP_CSP, visionCsp } from '../../main/privacy/content-security.ts';
import { servedVisionFiles } from '../../main/vision/vision-files.ts';
import { createMediaProtocolHandler, parseRange } from '../../main/app/media-protocol.ts';
import { scratch } from '../helpers/paths.ts';
import { copyRecording } from './fixtures.ts';

const scratchDir = scratch('protocols');
afterAll(() => scratchDir.remove());

/** The store's view: one imported session, 's1', whose recording is `file`. */
function mediaHandler(file: string) {
  const info = statSync(file);
  const refs = new Map<string, RecordingRef>([['s1', { filePath: file, sizeBytes: info.size, mtimeMs: info.mtimeMs }]]);
  return createMediaProtocolHandler((id) => refs.get(id) ?? null, () => null);
}

const get = (url: string, headers: Record<string, string> = {}, method = 'GET'): Request => new Request(url, { headers, method });

test('an imported recording streams whole, with its type and Range support advertised', async () => {
  const file = copyRecording(scratchDir.dir);
  const handler = mediaHandler(file);
  const response = await handler(get('attune-media://session/s1'));
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'video/mp4');
  assert.equal(response.headers.get('accept-ranges'), 'bytes');
  assert.deepEqual(Buffer.from(await response.arrayBuffer()), readFileSync(file));
});

test('Range requests return exactly the requested bytes (what video seeking needs)', async () => {
  const file = copyRecording(scratchDir.dir);
  const bytes = readFileSync(file);
  const handler = mediaHandler(file);
  const cases: [string, number, number][] = [
    ['bytes=0-99', 0, 99],
    ['bytes=1000-', 1000, bytes.length - 1],
    ['bytes=-500', bytes.length - 500, bytes.length - 1],
    [`bytes=${bytes.length - 10}-${bytes.length + 1000}`, bytes.length - 10, bytes.length - 1],
  ];
  for (const [range, start, end] of cases) {
    const response = await handler(get('attune-media://session/s1', { Range: range }));
    assert.equal(response.status, 206, range);
    assert.equal(response.headers.get('content-range'), `bytes ${start}-${end}/${bytes.length}`, range);
    assert.equal(response.headers.get('content-length'), String(end - start + 1));
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), bytes.subarray(start, end + 1), range);
  }
  const unsatisfiable = await handler(get('attune-media://session/s1', { Range: `bytes=${bytes.length}-` }));
  assert.equal(unsatisfiable.status, 416);
  assert.equal(unsatisfiable.headers.get('content-range'), `bytes */${bytes.length}`);
  const head = await handler(get('attune-media://session/s1', { Range: 'bytes=0-9' }, 'HEAD'));
  assert.equal(head.status, 206);
  assert.equal(head.body, null);
});

test('parseRange understands single byte ranges and refuses the rest', () => {
  assert.equal(parseRange(null, 100), null);
  assert.deepEqual(parseRange('bytes=10-19', 100), { start: 10, end: 19 });
  assert.equal(parseRange('bytes=0-1,5-6', 100), 'unsatisfiable');
  assert.equal(parseRange('items=0-1', 100), 'unsatisfiable');
  assert.equal(parseRange('bytes=20-10', 100), 'unsatisfiable');
  assert.equal(parseRange('bytes=-0', 100), 'unsatisfiable');
});

test('anything but an imported session recording is a 404: other ids, traversal, other hosts, query tricks', async () => {
  const file = copyRecording(scratchDir.dir);
  const handler = mediaHandler(file);
  for (const url of [
    'attune-media://session/s2',
    'attune-media://session/../../etc/passwd',
    'attune-media://session/s1/../../etc/passwd',
    'attune-media://session/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'attune-media://session/s1%2F..%2F..%2Fetc%2Fpasswd',
    `attune-media://file/${encodeURIComponent(file)}`,
    'attune-media://session/',
    'attune-media://session/s1?path=/etc/passwd',
    'attune://session/s1',
  ]) {
    const response = await handler(get(url));
    assert.equal(response.status, 404, url);
    assert.equal(response.body, null, url);
  }
  assert.equal((await handler(get('attune-media://session/s1', {}, 'POST'))).status, 405);
});

test('a recording replaced by a symlink, changed, or moved away is no longer served', async () => {
  const dir = join(scratchDir.dir, 'swap');
  mkdirSync(dir);
  const file = copyRecording(dir);
  const handler = mediaHandler(file);
  const secret = join(dir, 'secret.txt');
  writeFileSync(secret, 'not a recording');

  renameSync(file, `${file}.moved`);
  symlinkSync(secret, file);
  assert.equal((await handler(get('attune-media://session/s1'))).status, 404, 'symlink to another file');

  const other = join(scratchDir.dir, 'changed');
  mkdirSync(other);
  const changed = copyRecording(other);
  const changedHandler = mediaHandler(changed);
  appendFileSync(changed, Buffer.from([0]));
  assert.equal((await changedHandler(get('attune-media://session/s1'))).status, 404, 'changed since import');

  const gone = join(scratchDir.dir, 'gone');
  mkdirSync(gone);
  const moved = copyRecording(gone);
  const movedHandler = mediaHandler(moved);
  renameSync(moved, `${moved}.elsewhere`);
  assert.equal((await movedHandler(get('attune-media://session/s1'))).status, 404, 'moved away');
});

test('the app protocol serves the UI with a strict CSP and nothing outside its folder', async () => {
  const root = join(scratchDir.dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Attune</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(scratchDir.dir, 'outside.txt'), 'private');
  symlinkSync(join(scratchDir.dir, 'outside.txt'), join(root, 'assets', 'escape.js'));
  const handler = createAppProtocolHandler({ app: { resolve: directoryResolver(root), csp: APP_CSP } });

  const index = await handler(get('attune://app/'));
  assert.equal(index.status, 200);
  assert.equal(index.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(index.headers.get('content-security-policy'), APP_CSP);
  assert.match(APP_CSP, /default-src 'none'/);
  assert.doesNotMatch(APP_CSP, /unsafe-inline|unsafe-eval|https?:|\*/);
  const script = await handler(get('attune://app/assets/app.js'));
  assert.equal(script.headers.get('content-type'), 'text/javascript');
  assert.equal(await script.text(), 'export {};');

  for (const url of [
    'attune://app/../outside.txt',
    'attune://app/assets/%2e%2e/%2e%2e/outside.txt',
    'attune://app/assets%2F..%2F..%2Foutside.txt',
    'attune://app/assets/escape.js',
    'attune://app/assets/',
    'attune://app/missing.js',
    'attune://other/index.html',
    'attune-media://app/index.html',
  ]) {
    const response = await handler(get(url));
    assert.equal(response.status, 404, url);
    assert.ok(response.headers.get('content-security-policy'), `${url} still carries a CSP`);
  }
});

test('the vision host serves exactly its table of files, and its models only once a run has verified them', async () => {
  const workersDir = join(scratchDir.dir, 'workers');
  const tasksVisionDir = join(scratchDir.dir, 'tasks-vision');
  mkdirSync(workersDir);
  mkdirSync(join(tasksVisionDir, 'wasm'), { recursive: true });
  writeFileSync(join(workersDir, 'vision-page.html'), '<!doctype html>');
  writeFileSync(join(tasksVisionDir, 'wasm', 'vision_wasm_module_internal.wasm'), 'wasm');
  const model = join(scratchDir.dir, 'face.task');
  writeFileSync(model, 'model');
  const files = servedVisionFiles({ workersDir, tasksVisionDir, tfjsWasmDir: join(scratchDir.dir, 'tfjs') });
  const handler = createAppProtocolHandler({ vision: { resolve: files.resolve, csp: visionCsp() } });
  assert.equal((await handler(get('attune://vision/model/face_landmarker.task'))).status, 404, 'no model before a run');
  files.serveModels({ faces: [model], bodies: [model, model] });
  const page = await handler(get('attune://vision/vision-page.html'));
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('content-security-policy'), visionCsp());
  assert.match(visionCsp(), /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal((await handler(get('attune://vision/wasm/vision_wasm_module_internal.wasm'))).headers.get('content-type'), 'application/wasm');
  assert.equal(await (await handler(get('attune://vision/model/face_landmarker.task'))).text(), 'model');
  assert.equal((await handler(get('attune://vision/index.html'))).status, 404);
  assert.equal((await handler(get('attune://app/vision-page.html'))).status, 404, 'the vision session has no UI host');
});
