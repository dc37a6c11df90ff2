/**
 * One row per marker: when, whose, what kind, how strong, and the evidence in the words the review
 * screen uses, plus each cue's numbers (`feature before→after z=…`) for anyone re-analysing them.
 */
import type { Analysis, Cue } from '../analysis/types.ts';
import { playerTime } from '../time/clock.ts';
import { numberField, row, textField } from './csv.ts';
import { markerText } from './marker-text.ts';
import { personLabeller } from './people.ts';

const HEADER = [
  'marker_id', 'person', 'person_id', 'start_sec', 'end_sec', 'start', 'end', 'kind', 'modality', 'score',
  'summary', 'evidence', 'missed_because', 'cues',
];

function cueNumbers(cue: Cue): string {
  const measure = cue.measure && cue.measure !== 'level' ? ` (${cue.measure})` : '';
  return `${cue.feature}${measure} ${numberField(cue.before)}→${numberField(cue.after)} z=${numberField(cue.z, 2)}`;
}

export function* markersCsv(analysis: Analysis): Generator<string> {
  yield row(HEADER);
  const label = personLabeller(analysis);
  for (const marker of analysis.markers) {
    const owner = label.marker(marker).label;
    const text = markerText(marker, owner);
    yield row([
      textField(marker.id),
      textField(owner),
      textField(marker.personId ?? ''),
      numberField(marker.startSec, 3),
      numberField(marker.endSec, 3),
      playerTime(marker.startSec),
      playerTime(marker.endSec),
      textField(marker.kind),
      textField(marker.modality.join(' ')),
      numberField(marker.score, 3),
      textField(text.summary),
      textField(text.evidence.join(' ')),
      textField((marker.missedBecause ?? []).join(' ')),
      textField(marker.cues.map(cueNumbers).join('; ')),
    ]);
  }
}
