/**
 * ELAN's annotation format (EAF 3.0, http://www.mpi.nl/tools/elan/EAFv3.0.xsd), so a supervisor or
 * researcher can open Attune's markers beside the video in ELAN or read them with pympi-ling.
 *
 * Tiers: one per person and marker kind ("Client – Shift"), each with a child tier holding the
 * evidence in words (a Symbolic_Association, ELAN's one-to-one dependent tier); "Why easy to miss"
 * with each marker's reasons in words; speech, one tier per person once voices are attributed; and the
 * app's notes and ratings when given, one tier per author.
 * ELAN does not allow overlapping annotations on one tier, so markers that overlap go onto a second
 * tier of the same name with " (2)" added rather than being dropped or clipped.
 */
import { kindWords } from '../analysis/marker-words.ts';
import { missedLines } from '../analysis/missed-words.ts';
import type { Analysis, VoiceTrack } from '../analysis/types.ts';
import { escapeXml } from './escape.ts';
import { markerText } from './marker-text.ts';
import { NO_REVIEW_WORK, type ReviewWork } from './notes-file.ts';
import { authorLabel, noteWords } from './notes-text.ts';
import { personLabeller } from './people.ts';

interface Span {
  startMs: number;
  endMs: number;
  value: string;
  /** Shown on the evidence child tier; absent for tiers without one. */
  evidence?: string;
}

interface Tier {
  id: string;
  type: 'attune-marker' | 'attune-speech' | 'attune-reason' | 'attune-note';
  participant: string | null;
  spans: Span[];
}

const MIME_BY_EXTENSION: Record<string, string> = {
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  mpg: 'video/mpeg',
  mpeg: 'video/mpeg',
  wav: 'audio/x-wav',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
};

function mimeType(analysis: Analysis): string {
  const extension = /\.([^.]+)$/.exec(analysis.source.file)?.[1]?.toLowerCase() ?? '';
  return MIME_BY_EXTENSION[extension] ?? (analysis.source.video ? 'video/*' : 'audio/*');
}

/** ELAN refuses annotations of zero length, so a span always covers at least one millisecond. */
function span(startSec: number, endSec: number, value: string, evidence?: string): Span {
  const startMs = Math.round(startSec * 1000);
  return { startMs, endMs: Math.max(startMs + 1, Math.round(endSec * 1000)), value, ...(evidence === undefined ? {} : { evidence }) };
}

/** Splits spans into lanes where none overlap (first lane that is free when a span starts). */
function lanes(spans: readonly Span[]): Span[][] {
  const result: Span[][] = [];
  for (const s of [...spans].sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs)) {
    const lane = result.find((l) => l.at(-1)!.endMs <= s.startMs);
    if (lane) lane.push(s);
    else result.push([s]);
  }
  return result;
}

function markerTiers(analysis: Analysis): Tier[] {
  const label = personLabeller(analysis);
  const groups = new Map<string, { order: number; participant: string | null; spans: Span[] }>();
  const order = (personId: string | null): number => {
    const index = analysis.people.findIndex((p) => p.id === personId);
    return index < 0 ? analysis.people.length : index;
  };
  for (const marker of analysis.markers) {
    const person = label.marker(marker);
    const text = markerText(marker, person.label);
    const evidence = [...text.evidence, ...(text.missed ? [text.missed] : []), text.strength].join(' ');
    const name = `${person.label} – ${kindWords(marker.kind)}`;
    const group = groups.get(name) ?? { order: order(marker.personId), participant: person.role === null ? null : person.label, spans: [] };
    group.spans.push(span(marker.startSec, marker.endSec, text.summary, evidence));
    groups.set(name, group);
  }
  // Tiers in the order of the people, so each person's tiers sit together in ELAN.
  const sorted = [...groups].sort(([a, x], [b, y]) => x.order - y.order || a.localeCompare(b));
  return sorted.flatMap(([name, group]) =>
    lanes(group.spans).map((spans, i) => ({ id: i === 0 ? name : `${name} (${i + 1})`, type: 'attune-marker' as const, participant: group.participant, spans })),
  );
}

/** Why each marker was easy to miss, in words, over the marker's span (lanes where markers overlap). */
function reasonTiers(analysis: Analysis): Tier[] {
  const spans = analysis.markers.flatMap((m) => {
    const lines = missedLines(m, 'others');
    return lines.length ? [span(m.startSec, m.endSec, lines.join(' '))] : [];
  });
  if (spans.length === 0) return [];
  return lanes(spans).map((lane, i) => ({ id: i === 0 ? 'Why easy to miss' : `Why easy to miss (${i + 1})`, type: 'attune-reason' as const, participant: null, spans: lane }));
}

/** Notes and ratings from the app, a tier per author ("Notes – Supervisor: Dr. S."), in the order authors first wrote. */
function noteTiers({ notes, notice }: ReviewWork): Tier[] {
  const byAuthor = new Map<string, Span[]>();
  for (const note of [...notes].sort((a, b) => a.startSec - b.startSec || a.createdAt.localeCompare(b.createdAt))) {
    const spans = byAuthor.get(authorLabel(note)) ?? [];
    spans.push(span(note.startSec, note.endSec, noteWords(note)));
    byAuthor.set(authorLabel(note), spans);
  }
  const tiers = [...byAuthor].flatMap(([author, spans]) =>
    lanes(spans).map((lane, i) => ({ id: `Notes – ${author}${i === 0 ? '' : ` (${i + 1})`}`, type: 'attune-note' as const, participant: author, spans: lane })),
  );
  if (!notice || notice.presses.length === 0) return tiers;
  // The therapist's presses while noticing first, each saying whether Attune marked the same moment.
  const matched = new Map(notice.comparison.both.map((b) => [b.press.tSec, b.markerId]));
  const presses = notice.presses.map((p) => {
    const marker = matched.get(p.tSec);
    return span(p.tSec, p.tSec, `noticed${p.word ? ` “${p.word}”` : ''}${marker ? ` — Attune marked it too (${marker})` : ' — no marker'}`);
  });
  return [...tiers, ...lanes(presses).map((lane, i) => ({ id: `Noticed first${i === 0 ? '' : ` (${i + 1})`}`, type: 'attune-note' as const, participant: null, spans: lane }))];
}

/** A voice track's speech as spans: each run of speech frames, to the end of its last frame. */
function speechRuns(voice: VoiceTrack): Span[] {
  const hop = voice.t.length > 1 ? voice.t[1]! - voice.t[0]! : 0;
  const runs: Span[] = [];
  let start: number | null = null;
  voice.speech.forEach((s, i) => {
    if (s === 1 && start === null) start = voice.t[i]!;
    const last = i === voice.speech.length - 1 || voice.speech[i + 1] !== 1;
    if (s === 1 && last && start !== null) {
      runs.push(span(start, voice.t[i]! + hop, 'speech'));
      start = null;
    }
  });
  return runs;
}

/** Who spoke when: a tier per person once voices are attributed, else the room's speech as one tier. */
function speechTiers(analysis: Analysis): Tier[] {
  const label = personLabeller(analysis);
  const attributed = analysis.tracks.voice.filter((v) => v.personId !== null);
  if (attributed.length > 0) {
    return analysis.tracks.voice.map((voice) => {
      const person = label.person(voice.personId);
      return { id: `Speech – ${person.label}`, type: 'attune-speech' as const, participant: person.role === null ? null : person.label, spans: speechRuns(voice) };
    });
  }
  const segments = analysis.tracks.speech ?? [];
  if (segments.length === 0) return [];
  return [{ id: 'Speech (all voices)', type: 'attune-speech', participant: null, spans: segments.map((s) => span(s.startSec, s.endSec, 'speech')) }];
}

const attribute = (name: string, value: string): string => ` ${name}="${escapeXml(value)}"`;

/** The whole .eaf document. Deterministic: the same analysis gives the same bytes. */
export function analysisToEaf(analysis: Analysis, work: ReviewWork = NO_REVIEW_WORK): string {
  const tiers = [...markerTiers(analysis), ...reasonTiers(analysis), ...speechTiers(analysis), ...noteTiers(work)];
  // One time slot per distinct boundary, numbered in time order (ELAN's own files are ordered so).
  const times = [...new Set(tiers.flatMap((t) => t.spans.flatMap((s) => [s.startMs, s.endMs])))].sort((a, b) => a - b);
  const slot = new Map(times.map((ms, i) => [ms, `ts${i + 1}`]));
  let annotations = 0;
  const tierXml: string[] = [];
  for (const tier of tiers) {
    const participant = tier.participant === null ? '' : attribute('PARTICIPANT', tier.participant);
    const main: string[] = [];
    const evidence: string[] = [];
    for (const s of tier.spans) {
      const id = `a${++annotations}`;
      main.push(
        `    <ANNOTATION>\n      <ALIGNABLE_ANNOTATION${attribute('ANNOTATION_ID', id)}${attribute('TIME_SLOT_REF1', slot.get(s.startMs)!)}${attribute('TIME_SLOT_REF2', slot.get(s.endMs)!)}>\n` +
          `        <ANNOTATION_VALUE>${escapeXml(s.value)}</ANNOTATION_VALUE>\n      </ALIGNABLE_ANNOTATION>\n    </ANNOTATION>\n`,
      );
      if (s.evidence !== undefined) {
        evidence.push(
          `    <ANNOTATION>\n      <REF_ANNOTATION${attribute('ANNOTATION_ID', `a${++annotations}`)}${attribute('ANNOTATION_REF', id)}>\n` +
            `        <ANNOTATION_VALUE>${escapeXml(s.evidence)}</ANNOTATION_VALUE>\n      </REF_ANNOTATION>\n    </ANNOTATION>\n`,
        );
      }
    }
    tierXml.push(`  <TIER${attribute('LINGUISTIC_TYPE_REF', tier.type)}${attribute('TIER_ID', tier.id)}${participant}>\n${main.join('')}  </TIER>\n`);
    if (tier.type === 'attune-marker') {
      tierXml.push(
        `  <TIER${attribute('LINGUISTIC_TYPE_REF', 'attune-evidence')}${attribute('PARENT_REF', tier.id)}${attribute('TIER_ID', `${tier.id} – evidence`)}${participant}>\n${evidence.join('')}  </TIER>\n`,
      );
    }
  }
  const file = analysis.source.file;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<ANNOTATION_DOCUMENT AUTHOR=""${attribute('DATE', analysis.analysis.createdAt)} FORMAT="3.0" VERSION="3.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://www.mpi.nl/tools/elan/EAFv3.0.xsd">\n` +
    '  <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds">\n' +
    // analysis.json keeps only the recording's base name, so ELAN looks for it beside the .eaf file.
    `    <MEDIA_DESCRIPTOR${attribute('MEDIA_URL', encodeURI(file))}${attribute('MIME_TYPE', mimeType(analysis))}${attribute('RELATIVE_MEDIA_URL', `./${encodeURI(file)}`)}/>\n` +
    `    <PROPERTY NAME="lastUsedAnnotationId">${annotations}</PROPERTY>\n` +
    '  </HEADER>\n' +
    '  <TIME_ORDER>\n' +
    times.map((ms) => `    <TIME_SLOT${attribute('TIME_SLOT_ID', slot.get(ms)!)}${attribute('TIME_VALUE', String(ms))}/>\n`).join('') +
    '  </TIME_ORDER>\n' +
    tierXml.join('') +
    '  <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="attune-marker" TIME_ALIGNABLE="true"/>\n' +
    '  <LINGUISTIC_TYPE CONSTRAINTS="Symbolic_Association" GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="attune-evidence" TIME_ALIGNABLE="false"/>\n' +
    '  <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="attune-speech" TIME_ALIGNABLE="true"/>\n' +
    '  <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="attune-reason" TIME_ALIGNABLE="true"/>\n' +
    '  <LINGUISTIC_TYPE GRAPHIC_REFERENCES="false" LINGUISTIC_TYPE_ID="attune-note" TIME_ALIGNABLE="true"/>\n' +
    '  <CONSTRAINT DESCRIPTION="Attribute of parent annotation: one annotation per annotation of the parent tier" STEREOTYPE="Symbolic_Association"/>\n' +
    '</ANNOTATION_DOCUMENT>\n'
  );
}
