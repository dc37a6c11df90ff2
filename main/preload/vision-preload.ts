/**
 * The hidden vision window's preload: it only forwards the frame port that main sends to the page
 * (see lib/ipc/vision-port.ts). It exposes no API; the vision page cannot call the main process at all.
 */
import { ipcRenderer } from 'electron';
import { VISION_PORT_CHANNEL, VISION_PORT_MESSAGE } from '../../lib/ipc/vision-port.ts';

ipcRenderer.once(VISION_PORT_CHANNEL, (event) => {
  window.postMessage(VISION_PORT_MESSAGE, window.location.origin, [...event.ports]);
});
