/**
 * Review keyboard shortcuts: space play/pause, , and . step a frame, n and p jump to the next and
 * previous marker, + and − zoom, a writes a note at the playhead, 1–9 rate the therapist's empathic
 * responding there (a note with that level), m marks a moment while noticing first. Ignored while typing
 * in a text field.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';

export type ReviewCommand = 'togglePlay' | 'frameBack' | 'frameForward' | 'nextMarker' | 'previousMarker' | 'zoomIn' | 'zoomOut' | 'annotate' | 'rate' | 'notice';

const KEYS: Record<string, ReviewCommand> = {
  ' ': 'togglePlay',
  ',': 'frameBack',
  '.': 'frameForward',
  n: 'nextMarker',
  N: 'nextMarker',
  p: 'previousMarker',
  P: 'previousMarker',
  '+': 'zoomIn',
  '=': 'zoomIn',
  '-': 'zoomOut',
  '_': 'zoomOut',
  a: 'annotate',
  A: 'annotate',
  m: 'notice',
  M: 'notice',
  ...Object.fromEntries(['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((digit) => [digit, 'rate' as const])),
};

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type));
}

/** `run` gets the key too: for `rate`, the level is the digit pressed. */
export function useReviewKeys(run: (command: ReviewCommand, key: string) => void): void {
  // The latest handler, so the listener is attached once rather than on every playhead tick.
  const latest = useRef(run);
  useLayoutEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const command = KEYS[event.key];
      if (!command) return;
      // Space would also press a focused button or scroll the page; the shortcut wins.
      event.preventDefault();
      latest.current(command, event.key);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
