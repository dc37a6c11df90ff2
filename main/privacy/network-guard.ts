/**
 * Attune analyses client recordings without the network, and this makes that structural for the Node
 * process: once installed, any attempt to open a connection to anything but this machine's loopback
 * (where the CLI talks to its own headless browser) throws, as does any DNS lookup of an outside name.
 * The browser side is fenced separately (request interception and Chromium switches).
 */
import dns from 'node:dns';
import net from 'node:net';

export class NetworkBlockedError extends Error {
  override name = 'NetworkBlockedError';
  constructor(target: string) {
    super(`Attune does not use the network during analysis; a connection to ${target} was blocked.`);
  }
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLoopback(host: string | undefined): boolean {
  if (host === undefined || host === '') return true;
  return LOOPBACK_NAMES.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::ffff:127.0.0.1';
}

type ConnectArgs = Parameters<typeof net.Socket.prototype.connect>;

function targetOf(args: unknown[]): { host: string | undefined; path: string | undefined } {
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: string; path?: string };
    return { host: options.host, path: options.path };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { host: undefined, path: first };
  return { host: typeof args[1] === 'string' ? args[1] : undefined, path: undefined };
}

let installed = false;

/** Installs the guard for the rest of the process's life. Idempotent. */
export function installNetworkGuard(): void {
  if (installed) return;
  installed = true;
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: ConnectArgs) {
    const { host, path } = targetOf(args);
    // Unix sockets and pipes (the path form) never leave the machine.
    if (path === undefined && !isLoopback(host)) throw new NetworkBlockedError(host ?? 'an unknown host');
    return connect.apply(this, args);
  } as typeof connect;
  const lookup = dns.lookup;
  dns.lookup = function guardedLookup(hostname: string, ...rest: unknown[]) {
    if (!isLoopback(hostname)) throw new NetworkBlockedError(hostname);
    return (lookup as (...a: unknown[]) => unknown)(hostname, ...rest);
  } as typeof dns.lookup;
  const lookupPromise = dns.promises.lookup;
  dns.promises.lookup = (async (hostname: string, ...rest: unknown[]) => {
    if (!isLoopback(hostname)) throw new NetworkBlockedError(hostname);
    return (lookupPromise as (...a: unknown[]) => unknown)(hostname, ...rest);
  }) as typeof dns.promises.lookup;
}
