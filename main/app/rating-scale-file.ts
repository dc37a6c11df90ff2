/**
 * The rating scale a service chose: `rating-scale.json` in the profile folder (docs/ratings.md gives the
 * format). Read at start; a file that cannot be used leaves Attune on its own scale, and the review says why.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SCALE, parseScale, ScaleError, type RatingScale } from '../../lib/ratings/scale.ts';

export const SCALE_FILE = 'rating-scale.json';

export interface ScaleChoice {
  scale: RatingScale;
  /** Why the service's file was not used, in one sentence; null when it was (or there is none). */
  problem: string | null;
}

export function loadRatingScale(dataDir: string): ScaleChoice {
  const path = join(dataDir, SCALE_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { scale: DEFAULT_SCALE, problem: null };
    return { scale: DEFAULT_SCALE, problem: `The rating scale in ${path} could not be read, so Attune’s own scale is used.` };
  }
  try {
    return { scale: parseScale(text), problem: null };
  } catch (error) {
    if (!(error instanceof ScaleError)) throw error;
    return { scale: DEFAULT_SCALE, problem: `The rating scale in ${path} could not be used (${error.message}), so Attune’s own scale is used.` };
  }
}
