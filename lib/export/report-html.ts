/**
 * The session report as one self-contained HTML page (no scripts, no external files, so it opens the
 * same anywhere and prints to PDF unchanged): session facts, what the consent record covers, the main
 * tracks per person with the markers on them, and every marker with its evidence in plain words.
 */
import { WHAT_MARKERS_ARE } from '../analysis/marker-words.ts';
import type { Analysis, Marker } from '../analysis/types.ts';
import { bodySignals, pictureMovementSignal } from '../signals/body-signals.ts';
import { faceSignals } from '../signals/face-signals.ts';
import { interactionSignals } from '../signals/interaction-signals.ts';
import { voiceSignals } from '../signals/voice-signals.ts';
import { playerTime } from '../time/clock.ts';
import { escapeXml } from './escape.ts';
import { missedSummary } from '../analysis/missed-words.ts';
import { ratingSummary } from '../ratings/scale.ts';
import { markerText } from './marker-text.ts';
import { NO_REVIEW_WORK, type ReviewWork } from './notes-file.ts';
import { authorLabel, noteWords } from './notes-text.ts';
import { personLabeller } from './people.ts';
import { signalRowSvg } from './report-plot.ts';

const STYLE = `
@page { size: A4; margin: 16mm 14mm; }
body { font: 10.5pt/1.4 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: #222; margin: 0 auto; max-width: 182mm; }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 7mm 0 2mm; border-bottom: 1px solid #ccc; padding-bottom: 1mm; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; }
.note { background: #eef4fa; border-left: 3px solid #1f4e79; padding: 2mm 3mm; margin: 3mm 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 1mm 2mm; border-bottom: 1px solid #e2e2e2; }
th { font-weight: 600; }
table.facts th { width: 34mm; }
figure.row { display: flex; align-items: center; gap: 2mm; margin: 0 0 1mm; break-inside: avoid; }
figure.row figcaption { width: 30mm; flex: none; font-size: 8.5pt; }
figure.row svg { width: 145mm; height: auto; }
tr.marker { break-inside: avoid; }
.evidence { margin: 0; padding-left: 4mm; }
.muted { color: #666; font-size: 9pt; }
footer { margin-top: 8mm; }
`;

const h = escapeXml;

function factsTable(analysis: Analysis): string {
  const { source, analysis: run } = analysis;
  const label = personLabeller(analysis);
  const rows: [string, string][] = [
    ['Recording', source.file],
    ['Length', playerTime(source.durationSec)],
    ['Video', source.video ? `${source.video.width} × ${source.video.height}, ${source.video.fps} frames/s` : 'none'],
    ['Sound', source.audio ? `${source.audio.sampleRate} Hz, ${source.audio.channels} channel(s)` : 'none'],
    ['People', analysis.people.length ? analysis.people.map((p) => `${label.person(p.id).label} (${p.id})`).join(', ') : 'no face found'],
    ['Analysed', `${run.createdAt} by ${run.app}, on this computer`],
    ['Models', run.models.map((m) => `${m.name} (${m.sha256.slice(0, 12)}…)`).join(', ') || 'none'],
  ];
  return `<table class="facts">${rows.map(([k, v]) => `<tr><th>${h(k)}</th><td>${h(v)}</td></tr>`).join('')}</table>`;
}

function tracksSection(analysis: Analysis, number: (m: Marker) => number): string {
  const label = personLabeller(analysis);
  const duration = analysis.source.durationSec;
  const parts: string[] = [];
  for (const face of analysis.tracks.face) {
    const markers = analysis.markers.filter((m) => m.personId === face.personId);
    parts.push(`<h3>${h(label.person(face.personId).label)}: face and head</h3>`);
    parts.push(...faceSignals(face).map((signal) => signalRowSvg(signal, markers, number, duration)));
    const body = analysis.tracks.body?.find((b) => b.personId === face.personId);
    const picture = pictureMovementSignal(face);
    if (body || picture) {
      parts.push(`<h3>${h(label.person(face.personId).label)}: body</h3>`);
      const signals = [...(body ? bodySignals(body) : []), ...(picture ? [picture] : [])];
      parts.push(...signals.map((signal) => signalRowSvg(signal, markers, number, duration)));
    }
  }
  for (const voice of analysis.tracks.voice) {
    const markers = analysis.markers.filter((m) => m.modality.includes('voice'));
    parts.push(`<h3>${h(voice.personId === null ? 'Voice (everyone heard)' : `${label.person(voice.personId).label}: voice`)}</h3>`);
    parts.push(...voiceSignals(voice).map((signal) => signalRowSvg(signal, markers, number, duration)));
  }
  for (const pair of analysis.tracks.interaction ?? []) {
    const markers = analysis.markers.filter((m) => m.modality.includes('interaction'));
    parts.push(`<h3>${h(pair.personIds.map((id) => label.person(id).label).join(' and '))}: moving in step</h3>`);
    parts.push(...interactionSignals(pair).map((signal) => signalRowSvg(signal, markers, number, duration)));
  }
  if (parts.length === 0) return '<p>No face and no sound could be analysed in this recording.</p>';
  return `<p class="muted">Each row is scaled to this person’s own range in this session. Shaded: the markers, numbered as in the list below.</p>${parts.join('')}`;
}

/** "5 of 9 changes began while the therapist was speaking." — the session's counts of each reason. */
function missedCounts(analysis: Analysis): string {
  const lines = missedSummary(analysis.markers, 'others');
  return lines.length ? `<ul>${lines.map((line) => `<li>${h(line)}</li>`).join('')}</ul>` : '';
}

function markerRows(analysis: Analysis): string {
  if (analysis.markers.length === 0) return '<p>Attune found no shifts that stood out from these people’s own usual behaviour in this recording.</p>';
  const label = personLabeller(analysis);
  const rows = analysis.markers.map((marker, i) => {
    const text = markerText(marker, label.marker(marker).label);
    const evidence = text.evidence.map((line) => `<li>${h(line)}</li>`).join('');
    return (
      `<tr class="marker"><td>${i + 1}</td><td>${h(playerTime(marker.startSec))}–${h(playerTime(marker.endSec))}</td>` +
      `<td><strong>${h(text.heading)}</strong><br>${h(text.summary)}<ul class="evidence">${evidence}</ul>` +
      `${text.missed ? `${h(text.missed)}<br>` : ''}<span class="muted">${h(text.strength)}</span></td></tr>`
    );
  });
  return `<table><tr><th>#</th><th>When</th><th>What changed, and the evidence</th></tr>${rows.join('')}</table>`;
}

/** The app's notes and ratings, in time order, and the ratings' mean and spread per scale. */
function notesSection({ notes }: ReviewWork): string {
  if (notes.length === 0) return '';
  const scales = [...new Set(notes.filter((n) => n.rating !== null).map((n) => n.ratingScale ?? 'unnamed scale'))];
  const ratings = scales.map((scale) => {
    const s = ratingSummary(notes.filter((n) => n.rating !== null && (n.ratingScale ?? 'unnamed scale') === scale).map((n) => n.rating!))!;
    return `<li>Empathic responding on “${h(scale)}”: ${s.count} rating${s.count === 1 ? '' : 's'}, mean ${s.mean}${s.spread === null ? '' : `, spread (SD) ${s.spread}`}.</li>`;
  });
  const rows = [...notes]
    .sort((a, b) => a.startSec - b.startSec || a.endSec - b.endSec)
    .map((n) => `<tr><td>${h(playerTime(n.startSec))}${n.endSec > n.startSec ? `–${h(playerTime(n.endSec))}` : ''}</td><td>${h(authorLabel(n))}</td><td>${h(noteWords(n))}</td></tr>`);
  return (
    `<h2>Notes and ratings (${notes.length})</h2>${ratings.length ? `<ul>${ratings.join('')}</ul>` : ''}` +
    `<table><tr><th>When</th><th>Who</th><th>Note</th></tr>${rows.join('')}</table>`
  );
}

/** The latest notice-first run: the figure, and each press with whether Attune marked the same moment. */
function noticeSection({ notice }: ReviewWork): string {
  if (!notice) return '';
  const { both, onlyYou, agreement } = notice.comparison;
  const matched = new Map(both.map((b) => [b.press.tSec, b.markerId]));
  const presses = notice.presses.map((p) => {
    const marker = matched.get(p.tSec);
    return `<li>${h(playerTime(p.tSec))}${p.word ? ` “${h(p.word)}”` : ''} — ${marker ? `Attune marked it too (${h(marker)})` : 'no marker'}</li>`;
  });
  return (
    '<h2>Noticing first</h2>' +
    `<p>Before seeing Attune’s markers, the therapist marked ${notice.presses.length} moment${notice.presses.length === 1 ? '' : 's'}: ` +
    `${both.length} of the ${notice.markerCount} marked change${notice.markerCount === 1 ? '' : 's'} were noticed, ${onlyYou.length} moment${onlyYou.length === 1 ? '' : 's'} had no marker` +
    `${agreement === null ? '' : `; agreement ${Math.round(agreement * 100)} %`}. Attune’s markers are not the truth: the figure is a starting point for supervision, not a score.</p>` +
    (presses.length ? `<ul>${presses.join('')}</ul>` : '')
  );
}

export function analysisReportHtml(analysis: Analysis, work: ReviewWork = NO_REVIEW_WORK): string {
  const numbers = new Map(analysis.markers.map((m, i) => [m, i + 1]));
  const number = (m: Marker): number => numbers.get(m) ?? 0;
  const notes = analysis.analysis.notes ?? [];
  return (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">' +
    // Nothing in the report may load from anywhere: the policy forbids every fetch but inline styles and images.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">` +
    `<title>${h(`Attune report – ${analysis.source.file}`)}</title><style>${STYLE}</style></head><body>` +
    `<h1>Attune session report</h1><p class="muted">${h(analysis.source.file)} · ${h(playerTime(analysis.source.durationSec))}</p>` +
    `<p class="note">${h(WHAT_MARKERS_ARE)}</p>` +
    `<h2>Session</h2>${factsTable(analysis)}` +
    (notes.length ? `<ul>${notes.map((n) => `<li>${h(n)}</li>`).join('')}</ul>` : '') +
    '<h2>Consent</h2><p>The consent record is kept with the session in the Attune library; the analysis file this report was made from does not contain it. Before sharing this report, check that the client’s consent covers that use (for example supervision).</p>' +
    `<h2>Tracks</h2>${tracksSection(analysis, number)}` +
    `<h2>Markers (${analysis.markers.length})</h2>${missedCounts(analysis)}${markerRows(analysis)}` +
    noticeSection(work) +
    notesSection(work) +
    `<footer class="muted">Made on this computer by ${h(analysis.analysis.app)}. Nothing was sent anywhere to make it.</footer>` +
    '</body></html>\n'
  );
}
