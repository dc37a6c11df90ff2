/**
 * The command line of every headless Chromium Attune starts through Playwright (the vision browser and
 * the PDF printer): the no-network switches, and one `--disable-features` that keeps Playwright's own.
 *
 * Chromium keeps only the last `--disable-features` it is given; a second one replaces the first whole.
 * Playwright passes its own list, so ours repeats it (tests/integration/headless-chromium.test.ts reads
 * the command line Playwright really builds and fails if that list has grown).
 */
import { NO_NETWORK_FEATURES, noNetworkArgs } from '../privacy/chromium-switches.ts';

/** Playwright 1.65's `disabledFeatures` (packages/playwright-core/src/server/chromium/chromiumSwitches.ts). */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Processes headless Chromium starts for things no one will see. Measured on Chromium 156 with the
 * vision page open: the address bar's two popups, preloaded as web pages in a renderer of their own
 * (~60 MB), and a spare renderer kept warm for a next page that never comes (~20 MB). Without them the
 * vision browser runs one renderer, the page's.
 */
export const UNSEEN_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'SpareRendererForSitePerProcess'];

export function headlessChromiumArgs({ loopback = false } = {}): string[] {
  const features = new Set([...PLAYWRIGHT_DISABLED_FEATURES, ...NO_NETWORK_FEATURES, ...UNSEEN_FEATURES]);
  return [...noNetworkArgs({ loopback }), `--disable-features=${[...features].join(',')}`];
}
