/**
 * The preload API, handed down through context rather than read from `window` in every component,
 * so each screen states what it talks to and a test can hand in its own shim.
 */
import { createContext, useContext } from 'react';
import type { AttuneApi } from '../../lib/ipc/contract.ts';

export const ApiContext = createContext<AttuneApi | null>(null);

export function useApi(): AttuneApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('Attune could not connect to its background service. Please restart Attune.');
  return api;
}

/** The message of a rejected API call; the main process writes these for the clinician. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong. Please try again.';
}
