/**
 * Fusion's entry point: from face and voice tracks to markers of shifts a therapist may have missed.
 * docs/markers.md explains the method for clinicians and researchers.
 */
import type { BodyTrack, FaceTrack, InteractionTrack, Marker, VoiceTrack } from '../analysis/types.ts';
import { pairSynchrony, pairSynchronyDrops } from '../interaction/synchrony.ts';
import { makeGrid } from './grid.ts';
import { evidenceBar, resolveOptions, windowBins, type FusionOptions } from './options.ts';
import { touchMarkers } from './touch-markers.ts';
import { briefTestCount, groupByPerson, markPerson, measurePerson, shiftTestCount, testPerson, type PersonTimeline } from './person-fusion.ts';

export type { FusionOptions } from './options.ts';
export type { PersonTimeline } from './person-fusion.ts';

export interface FusionInput {
  face: FaceTrack[];
  /** Body tracks (same personIds as the face tracks); analyses made before the body channel have none. */
  body?: BodyTrack[];
  voice: VoiceTrack[];
  durationSec: number;
}

export interface FusionResult {
  markers: Marker[];
  /** Width of a bin of the timelines' grid, seconds. */
  binSec: number;
  /** Length of each of the two windows the shift test compared, seconds. */
  windowSec: number;
  /** Per person (in the order of the input tracks), what the timeline can draw under the markers. */
  timelines: PersonTimeline[];
  /**
   * The evidence bars used, in standard errors of a cue's noise, and the number of tests each was spread
   * over (options.falseAlarmRate for the whole recording; docs/markers.md).
   */
  evidence: { shiftBar: number; shiftTests: number; briefBar: number; briefTests: number };
  /** Synchrony of the two people's movement, when two faces were tracked long enough together. */
  interaction: InteractionTrack[];
}

/** Markers and the per-bin pieces behind them. Same input and options give the same output. */
export function analyseFusion(input: FusionInput, overrides?: Partial<FusionOptions>): FusionResult {
  const options = resolveOptions(overrides);
  const grid = makeGrid(input.durationSec, options.binSec);
  const wBins = windowBins(grid.durationSec, options);
  // Both bars are spread over the whole recording's tests, so each kind of marker has one false-alarm budget.
  const measured = groupByPerson(input.face, input.body ?? [], input.voice).map((tracks) => measurePerson(tracks, grid));
  const briefTests = measured.reduce((total, p) => total + briefTestCount(p), 0);
  const briefBar = evidenceBar(briefTests, options);
  const tested = measured.map((p) => testPerson(p, grid, wBins, briefBar, options));
  const shiftTests = tested.reduce((total, p) => total + shiftTestCount(p), 0);
  const shiftBar = evidenceBar(shiftTests, options);
  const people = tested.map((p) => markPerson(p, grid, wBins, shiftBar, options));
  const synchrony = pairSynchrony(input.face, input.durationSec);
  // Sort is stable, so markers that start and end together keep person order, shifts before briefs, touches next, the pair's last.
  const touches = (input.body ?? []).flatMap((track) => touchMarkers(track, grid.durationSec, wBins * options.binSec, options));
  const markers = [...people.flatMap((p) => p.markers), ...touches, ...pairSynchronyDrops(synchrony)]
    .sort((a, b) => a.startSec - b.startSec || a.endSec - b.endSec)
    .map((marker, i): Marker => ({ id: `m${i + 1}`, ...marker }));
  return {
    markers,
    binSec: options.binSec,
    windowSec: wBins * options.binSec,
    timelines: people.map((p) => p.timeline),
    evidence: { shiftBar, shiftTests, briefBar, briefTests },
    interaction: synchrony,
  };
}

export function detectMarkers(input: FusionInput, options?: Partial<FusionOptions>): Marker[] {
  return analyseFusion(input, options).markers;
}
