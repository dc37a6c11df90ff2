/**
 * Words for a clinician when an analysis fails. Errors Attune raises on purpose (unreadable recording,
 * missing model, moved file) already carry such words; anything else is a fault in Attune, said plainly,
 * with the assurance that matters: nothing was saved and the session can be run again.
 */
const WORDED_ERRORS = new Set(['MediaError', 'ModelError', 'OutputError', 'AppError', 'StoreUnavailableError']);

export function describeFailure(error: unknown): string {
  if (error instanceof Error && WORDED_ERRORS.has(error.name)) return error.message;
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `The analysis stopped because of a problem inside Attune (${detail}). Nothing was saved; you can run it again, and if it keeps failing, please report it.`;
}

/** For a request that failed outside an analysis (store, file system). */
export function describeRequestFailure(error: unknown): string {
  if (error instanceof Error && WORDED_ERRORS.has(error.name)) return error.message;
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `Attune could not do that because of a problem inside Attune (${detail}).`;
}
