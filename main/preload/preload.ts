/**
 * The review window's preload (sandboxed, context-isolated): exposes exactly the contract's API as
 * `window.attune` and nothing else — no ipcRenderer, no Node, no Electron object reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildAttuneApi } from './build-api.ts';

contextBridge.exposeInMainWorld('attune', buildAttuneApi(ipcRenderer));
