/** Switches for every headless Chromium Attune starts: nothing in it may reach another machine. */
export const NO_NETWORK_SWITCHES = [
  // No updates, sync, metrics, safe-browsing or QUIC probes.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-breakpad',
  '--metrics-recording-only',
  '--no-pings',
  '--no-first-run',
  '--disable-quic',
  // No host name resolves: our own origins are answered by interception, and loopback is the one address left.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];
