/**
 * Notice first, then compare: the moments the therapist marked while watching (before Attune's markers
 * were shown) against Attune's markers. docs/notice-first.md explains it for clinicians.
 *
 * A press matches a marker when it falls within the marker's span widened by MATCH_SEC on each side
 * (people press a little before a change is complete, or a moment after it). Each press matches at most
 * one marker and each marker at most one press: pairs are taken closest first, distance measured from
 * the press to the marker's onset (a shift's change point, else its start), ties by time.
 *
 * Agreement is the share of all noticed moments — yours and Attune's — that the other also found:
 * 2 × both ÷ (your presses + Attune's markers), from 0 (nothing in common) to 1 (the same moments).
 * It is a conversation starter for supervision, not a score of skill: Attune's markers are not the truth.
 */
import type { Marker } from '../analysis/types.ts';
import { markerOnset } from '../analysis/marker-onset.ts';
import { closestPairs } from '../maths/closest-pairs.ts';

export const MATCH_SEC = 3;

export interface Press {
  tSec: number;
  /** An optional word the therapist typed for the moment. */
  word: string | null;
}

export interface NoticeComparison {
  both: { press: Press; markerId: string }[];
  onlyAttune: string[];
  onlyYou: Press[];
  /** 2·both ÷ (presses + markers); null when there were neither. */
  agreement: number | null;
}

export function compareNoticing(presses: readonly Press[], markers: readonly Marker[]): NoticeComparison {
  const within = (press: Press, marker: Marker): number | null =>
    press.tSec >= marker.startSec - MATCH_SEC && press.tSec <= marker.endSec + MATCH_SEC ? Math.abs(press.tSec - markerOnset(marker)) : null;
  const pairs = closestPairs(presses, markers, within, (a, b) => presses[a]!.tSec - presses[b]!.tSec);
  const pressTaken = new Set(pairs.map(([p]) => p));
  const markerTaken = new Set(pairs.map(([, m]) => m));
  const both: NoticeComparison['both'] = pairs.map(([p, m]) => ({ press: presses[p]!, markerId: markers[m]!.id }));
  both.sort((a, b) => a.press.tSec - b.press.tSec);
  const total = presses.length + markers.length;
  return {
    both,
    onlyAttune: markers.filter((_, m) => !markerTaken.has(m)).map((marker) => marker.id),
    onlyYou: presses.filter((_, p) => !pressTaken.has(p)),
    agreement: total === 0 ? null : Math.round(((2 * both.length) / total) * 1000) / 1000,
  };
}
