/**
 * The binary frame channel to the vision page: a WebSocket server on 127.0.0.1 (never another
 * interface) on an ephemeral port, which accepts exactly one connection, and only from our page:
 * it must carry this run's random token and come from the page's made-up origin.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface FrameSocketServer {
  /** ws://127.0.0.1:<port>/frames?token=… — hand it only to the page. */
  readonly url: string;
  readonly port: number;
  /** Settles with the page's socket once it has connected. */
  readonly connection: Promise<WebSocket>;
  close(): Promise<void>;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function openFrameSocket(pageOrigin: string): Promise<FrameSocketServer> {
  const token = randomBytes(32).toString('base64url');
  let taken = false;
  const server = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    // The page only sends small JSON answers.
    maxPayload: 1 << 20,
    verifyClient: ({ origin, req }: { origin: string; req: IncomingMessage }) => {
      const given = new URL(req.url ?? '/', 'ws://127.0.0.1').searchParams.get('token') ?? '';
      const accepted = !taken && origin === pageOrigin && sameSecret(given, token);
      if (accepted) taken = true;
      return accepted;
    },
  });
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const connection = new Promise<WebSocket>((resolve) => server.once('connection', resolve));
  return {
    url: `ws://127.0.0.1:${port}/frames?token=${token}`,
    port,
    connection,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
