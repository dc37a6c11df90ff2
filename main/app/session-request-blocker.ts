/**
 * No network. Attune's pages load only from its own protocols; every other request from any session —
 * http(s), ws(s), ftp, file:, anything a compromised page or a Chromium feature might try — is cancelled
 * before it leaves. The command-line switches stop Chromium's own background traffic (component
 * updates, DNS prefetch, domain reliability…) and make every host name unresolvable as a last lock.
 */
import { APP_SCHEME, MEDIA_SCHEME } from '../../lib/ipc/origins.ts';
import type { CommandLineEdge, SessionEdge } from './electron-edge.ts';

/** data: and blob: never leave the process: they are content the page already holds. */
const ALLOWED_PROTOCOLS = new Set([`${APP_SCHEME}:`, `${MEDIA_SCHEME}:`, 'data:', 'blob:']);

export function isAllowedRequest(url: string): boolean {
  return URL.canParse(url) && ALLOWED_PROTOCOLS.has(new URL(url).protocol);
}

export function blockOutsideRequests(session: SessionEdge): void {
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
}

export const OFFLINE_SWITCHES: readonly (readonly [string, string?])[] = [
  ['disable-background-networking'],
  ['disable-component-update'],
  ['disable-domain-reliability'],
  ['disable-client-side-phishing-detection'],
  ['disable-sync'],
  ['no-pings'],
  ['dns-prefetch-disable'],
  ['disable-features', 'AutofillServerCommunication,MediaRouter,OptimizationHints,Translate,NetworkTimeServiceQuerying,CertificateTransparencyComponentUpdater'],
  // Every host name fails to resolve, so even a request that slipped past the guard goes nowhere.
  ['host-resolver-rules', 'MAP * ~NOTFOUND'],
];

export function applyOfflineSwitches(commandLine: CommandLineEdge): void {
  for (const [name, value] of OFFLINE_SWITCHES) {
    if (value === undefined) commandLine.appendSwitch(name);
    else commandLine.appendSwitch(name, value);
  }
}
