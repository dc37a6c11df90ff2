/**
 * How the Electron app hands the vision host page its frame port (main → vision preload → page):
 * main posts a MessagePortMain on VISION_PORT_CHANNEL; the vision preload forwards it to the page with
 * `window.postMessage(VISION_PORT_MESSAGE, location.origin, [port])`. The page should listen for it
 * synchronously at start-up (before any await), since it arrives right after the page has loaded.
 *
 * On the port: main → page, one ArrayBuffer per frame, encoded as lib/vision/frame-wire.ts says;
 * page → main, each `PageMessage` as JSON text — the same wire as the headless engine's WebSocket.
 */
export const VISION_PORT_CHANNEL = 'attune:vision-port';
export const VISION_PORT_MESSAGE = 'attune:vision-port';
/** The page's query string says which channel to use: `?channel=port&workers=N&delegate=CPU`. */
export const VISION_PORT_QUERY = 'port';
