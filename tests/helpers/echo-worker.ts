/** A real worker_threads worker for the RPC protocol tests: echoes, fails, reports progress, hangs or dies on request. */
import { parentPort } from 'node:worker_threads';
import { serveRpc } from '../../lib/workers/rpc.ts';

export type EchoApi = {
  echo: [string, string, never];
  fail: [string, never, never];
  count: [number, number, number];
  hang: [null, never, never];
  die: [null, never, never];
};

const port = parentPort!;
port.on(
  'message',
  serveRpc<EchoApi>((reply, transfer) => port.postMessage(reply, transfer as never), {
    echo: (text) => text,
    fail: (message) => {
      const error = new Error(message) as Error & { code: string };
      error.code = 'E_TEST';
      throw error;
    },
    count: (n, { progress }) => {
      for (let i = 1; i <= n; i++) progress(i);
      return n;
    },
    hang: () => new Promise<never>(() => undefined),
    die: () => process.exit(7),
  }),
);
