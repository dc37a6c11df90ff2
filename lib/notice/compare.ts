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

const onset = (m: Marker) => m.changeSec ?? m.startSec;

export function compareNoticing(presses: readonly Press[], markers: readonly Marker[]): NoticeComparison {
  const candidates: { p: number; m: number; distance: number }[] = [];
  presses.forEach((press, p) =>
    markers.forEach((marker, m) => {
      if (press.tSec >= marker.startSec - MATCH_SEC && press.tSec <= marker.endSec + MATCH_SEC) {
        candidates.push({ p, m, distance: Math.abs(press.tSec - onset(marker)) });
      }
    }),
  );
  candidates.sort((a, b) => a.distance - b.distance || presses[a.p]!.tSec - presses[b.p]!.tSec || a.m - b.m);
  const pressTaken = new Set<number>();
  const markerTaken = new Set<number>();
  const both: NoticeComparison['both'] = [];
  for (const { p, m } of candidates) {
    if (pressTaken.has(p) || markerTaken.has(m)) continue;
    pressTaken.add(p);
    markerTaken.add(m);
    both.push({ press: presses[p]!, markerId: markers[m]!.id });
  }
  both.sort((a, b) => a.press.tSec - b.press.tSec);
  const total = presses.length + markers.length;
  return {
    both,
    onlyAttune: markers.filter((_, m) => !markerTaken.has(m)).map((marker) => marker.id),
    onlyYou: presses.filter((_, p) => !pressTaken.has(p)),
    agreement: total === 0 ? null : Math.round(((2 * both.length) / total) * 1000) / 1000,
  };
}
