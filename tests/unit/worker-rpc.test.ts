import { test } from 'vitest';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { RemoteError, RpcClient, WorkerCrashedError, WorkerTimeoutError, type RpcEndpoint } from '../../lib/workers/rpc.ts';
import type { EchoApi } from '../helpers/echo-worker.ts';

function startEcho(timeoutMs = 5000): { client: RpcClient<EchoApi>; worker: Worker } {
  const worker = new Worker(new URL('../helpers/ts-worker.mjs', import.meta.url), {
    workerData: { tsEntry: new URL('../helpers/echo-worker.ts', import.meta.url).href },
  });
  const endpoint: RpcEndpoint = {
    post: (message, transfer) => worker.postMessage(message, transfer as never),
    onMessage: (listener) => {
      worker.on('message', listener);
      return () => worker.off('message', listener);
    },
    onFailure: (listener) => {
      const onError = (error: Error): void => listener(error);
      const onExit = (code: number): void => listener(new Error(`worker exited with code ${code}`));
      worker.on('error', onError);
      worker.on('exit', onExit);
      return () => {
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
    },
    terminate: () => void worker.terminate(),
  };
  return { client: new RpcClient<EchoApi>(endpoint, timeoutMs), worker };
}

test('requests are answered by id, with progress messages on the way', async () => {
  const { client } = startEcho();
  const progress: number[] = [];
  const [a, b, n] = await Promise.all([
    client.call('echo', 'first'),
    client.call('echo', 'second'),
    client.call('count', 3, { onProgress: (p) => progress.push(p) }),
  ]);
  assert.deepEqual([a, b, n], ['first', 'second', 3]);
  assert.deepEqual(progress, [1, 2, 3]);
  client.dispose();
});

test('an error thrown in the worker arrives serialised, with its name, message and code', async () => {
  const { client } = startEcho();
  await assert.rejects(client.call('fail', 'no good'), (error: unknown) => {
    assert.ok(error instanceof RemoteError);
    assert.equal(error.message, 'no good');
    assert.equal(error.code, 'E_TEST');
    return true;
  });
  assert.equal(await client.call('echo', 'still alive'), 'still alive');
  client.dispose();
});

test('a worker that dies rejects everything pending, and later calls too', async () => {
  const { client } = startEcho();
  const hanging = client.call('hang', null);
  const dying = client.call('die', null);
  await assert.rejects(hanging, WorkerCrashedError);
  await assert.rejects(dying, WorkerCrashedError);
  await assert.rejects(client.call('echo', 'too late'), WorkerCrashedError);
  assert.equal(client.pendingCount, 0);
});

test('a worker that stops answering times out and is terminated', async () => {
  const { client, worker } = startEcho(300);
  const exited = new Promise((done) => worker.once('exit', done));
  await assert.rejects(client.call('hang', null), WorkerTimeoutError);
  await exited;
});

test('an aborted call rejects at once and leaves the worker usable', async () => {
  const { client } = startEcho();
  const controller = new AbortController();
  const hanging = client.call('hang', null, { signal: controller.signal });
  controller.abort();
  await assert.rejects(hanging, { name: 'AbortError' });
  assert.equal(await client.call('echo', 'ok'), 'ok');
  client.dispose();
});
