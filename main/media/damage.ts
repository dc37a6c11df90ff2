import { MediaError } from './media-error.ts';

const TIME_IN_ERROR = /(?:time|pts)[ =:]+(\d+(?:\.\d+)?)/;

/** One line for a clinician; the first ffmpeg error is kept for support, after the plain words. */
export function damagedError(name: string, what: 'video' | 'sound', errors: string[]): MediaError {
  const first = errors[0]?.replace(/^\[[^\]]*\]\s*(\[\w+\]\s*)?/, '').trim();
  const at = first ? TIME_IN_ERROR.exec(first)?.[1] : undefined;
  const where = at ? ` near ${Number(at).toFixed(1)} s` : '';
  return new MediaError(
    'damaged',
    `Part of the ${what} in "${name}" is damaged${where} and could not be read, so nothing was saved. ` +
      `Try exporting the recording again from the software that made it.` +
      (first ? ` (ffmpeg: ${first})` : ''),
  );
}
