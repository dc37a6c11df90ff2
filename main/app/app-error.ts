/** An error a handler raises on purpose: a code the renderer can branch on and a message for the clinician. */
import type { IpcErrorCode } from '../../lib/ipc/contract.ts';

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function notFound(what: string): AppError {
  return new AppError('not-found', `${what} was not found; it may have been deleted.`);
}
