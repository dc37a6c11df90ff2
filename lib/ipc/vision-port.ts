/**
 * How the Electron app hands the vision host page its frame port (main → vision preload → page):
 * main posts a MessagePortMain on VISION_PORT_CHANNEL; the vision preload forwards it to the page with
 * `window.postMessage(VISION_PORT_MESSAGE, location.origin, [port])`. The page should listen for it
 * synchronously at start-up (before any await), since it arrives right after the page has loaded.
 *
 * On the port: main → page, one ArrayBuffer per frame, encoded as lib/vision/frame-wire.ts says;
 * page → main, each `PageMessage` as JSON text — the same wire as the headless engine's WebSocket.
 * The page learns to wait for the port from its query string (lib/vision/page-params.ts, `channel=port`).
 */
export const VISION_PORT_CHANNEL = 'attune:vision-port';
export const VISION_PORT_MESSAGE = 'attune:vision-port';
