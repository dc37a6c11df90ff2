/**
 * The review screen's playback and timeline state. The <video> element is the clock: its time
 * arrives as 'time' actions, and seeking is done on the element, which then reports back.
 */
import { followPlayhead, wholeSession, zoomAround, type Viewport } from '../timeline/viewport.ts';

export interface ReviewState {
  readonly durationSec: number;
  readonly playheadSec: number;
  readonly playing: boolean;
  readonly view: Viewport;
  readonly selectedMarkerId: string | null;
}

export type ReviewAction =
  | { type: 'time'; tSec: number }
  | { type: 'playing'; playing: boolean }
  | { type: 'zoom'; factor: number }
  | { type: 'wholeSession' }
  | { type: 'pan'; fraction: number }
  | { type: 'select'; markerId: string | null };

export function initialReview(durationSec: number): ReviewState {
  return { durationSec, playheadSec: 0, playing: false, view: wholeSession(durationSec), selectedMarkerId: null };
}

export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  switch (action.type) {
    case 'time': {
      const tSec = Math.min(Math.max(action.tSec, 0), state.durationSec);
      if (tSec === state.playheadSec) return state;
      return { ...state, playheadSec: tSec, view: followPlayhead(state.view, state.durationSec, tSec) };
    }
    case 'playing':
      return state.playing === action.playing ? state : { ...state, playing: action.playing };
    case 'zoom':
      return { ...state, view: zoomAround(state.view, state.durationSec, state.playheadSec, action.factor) };
    case 'wholeSession':
      return { ...state, view: wholeSession(state.durationSec) };
    case 'pan': {
      // Panning moves the window without moving the playhead, so the view may leave it behind;
      // the next time update brings the view back to the playhead.
      const span = state.view.endSec - state.view.startSec;
      const start = Math.min(Math.max(state.view.startSec + action.fraction * span, 0), state.durationSec - span);
      return { ...state, view: { startSec: start, endSec: start + span } };
    }
    case 'select':
      return { ...state, selectedMarkerId: action.markerId };
  }
}
