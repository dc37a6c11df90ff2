import { test } from 'vitest';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import dns from 'node:dns';
import net from 'node:net';
import { installNetworkGuard, isLoopback, NetworkBlockedError } from '../../main/privacy/network-guard.ts';

installNetworkGuard();

test('loopback addresses are recognised and outside ones are not', () => {
  for (const host of ['localhost', '127.0.0.1', '127.3.2.1', '::1']) assert.ok(isLoopback(host), host);
  for (const host of ['example.org', '10.0.0.1', '192.168.1.10', '8.8.8.8', '::2']) assert.ok(!isLoopback(host), host);
});

test('fetch to an outside address is blocked before any packet leaves', async () => {
  await assert.rejects(fetch('http://93.184.215.14/'), (error: unknown) => {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof NetworkBlockedError || error instanceof NetworkBlockedError;
  });
});

test('raw sockets and DNS lookups of outside names are blocked', async () => {
  assert.throws(() => net.connect({ host: '10.1.2.3', port: 80 }), NetworkBlockedError);
  assert.throws(() => net.connect(443, 'example.org'), NetworkBlockedError);
  assert.throws(() => dns.lookup('example.org', () => undefined), NetworkBlockedError);
  await assert.rejects(dns.promises.lookup('example.org'), NetworkBlockedError);
});

test('connections on this machine still work (the CLI talks to its own browser over loopback)', async () => {
  const server = net.createServer((socket) => socket.end('hello'));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  const socket = net.connect(port, '127.0.0.1');
  const [data] = (await once(socket, 'data')) as [Buffer];
  assert.equal(data.toString(), 'hello');
  socket.destroy();
  server.close();
});
