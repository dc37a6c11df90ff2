/**
 * The one list of Chromium switches that keep every Chromium Attune starts off the network: the
 * headless vision browser and the PDF renderer (as `--name=value` arguments) and the Electron app (through
 * `app.commandLine`). Nothing in them may reach another machine; the request guards of each host
 * (route interception headless, `onBeforeRequest` in the app) are the first lock, these the second.
 */
import type { CommandLineEdge } from '../app/electron-edge.ts';

export type ChromiumSwitch = readonly [name: string, value?: string];

export const NO_NETWORK_SWITCHES: readonly ChromiumSwitch[] = [
  // No updates, sync, metrics, safe-browsing, crash uploads or QUIC probes.
  ['disable-background-networking'],
  ['disable-component-update'],
  ['disable-sync'],
  ['disable-default-apps'],
  ['disable-domain-reliability'],
  ['disable-client-side-phishing-detection'],
  ['disable-breakpad'],
  ['metrics-recording-only'],
  ['no-pings'],
  ['no-first-run'],
  ['disable-quic'],
  ['dns-prefetch-disable'],
  // No host name resolves: our own origins are answered by interception or by the app's protocols.
  ['host-resolver-rules', 'MAP * ~NOTFOUND'],
];

/**
 * Chromium features that phone home, switched off in the app and, merged with Playwright's own list
 * (main/chromium/headless-args.ts), in the headless browsers.
 */
export const NO_NETWORK_FEATURES = ['AutofillServerCommunication', 'MediaRouter', 'OptimizationHints', 'Translate', 'NetworkTimeServiceQuerying', 'CertificateTransparencyComponentUpdater'];

/**
 * The list as command-line arguments, for a Chromium launched by Playwright. `loopback` leaves 127.0.0.1
 * reachable, for the headless vision page's one frame socket (its CSP names the port); nothing else does.
 */
export function noNetworkArgs({ loopback = false } = {}): string[] {
  return NO_NETWORK_SWITCHES.map(([name, value]) => {
    if (value === undefined) return `--${name}`;
    return name === 'host-resolver-rules' && loopback ? `--${name}=${value}, EXCLUDE 127.0.0.1` : `--${name}=${value}`;
  });
}

/** The list on Electron's command line, before 'ready'. */
export function applyNoNetworkSwitches(commandLine: CommandLineEdge): void {
  for (const [name, value] of NO_NETWORK_SWITCHES) {
    if (value === undefined) commandLine.appendSwitch(name);
    else commandLine.appendSwitch(name, value);
  }
  // Switches features off (ones that reach Google's servers); it turns no protection off.
  commandLine.appendSwitch('disable-features', NO_NETWORK_FEATURES.join(',')); // eng-disable CUSTOM_ARGUMENTS_JS_CHECK
}
