/**
 * WebVTT captions of the markers, so any video player (VLC, a browser, ffmpeg) shows them over the
 * recording at the right moments. Cue text is escaped as the WebVTT spec requires (& < >), and no
 * cue or note may contain "-->" or a blank line, which would end or split it.
 */
import { WHAT_MARKERS_ARE } from '../analysis/marker-words.ts';
import type { Analysis } from '../analysis/types.ts';
import { vttTime } from '../time/clock.ts';
import { markerText } from './marker-text.ts';
import { personLabeller } from './people.ts';

function cueText(text: string): string {
  return text.replace(/-->/g, '→').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\s*\n\s*/g, ' ');
}

export function* analysisToVtt(analysis: Analysis): Generator<string> {
  yield 'WEBVTT\n\n';
  yield `NOTE\n${cueText(`Attune markers for ${analysis.source.file}. ${WHAT_MARKERS_ARE}`)}\n\n`;
  const label = personLabeller(analysis);
  for (const marker of analysis.markers) {
    const text = markerText(marker, label.marker(marker).label);
    // Players show a caption for its whole cue; a marker shorter than a second would flash by unread.
    const end = Math.max(marker.endSec, marker.startSec + 1);
    const lines = [text.heading, text.summary, ...(text.missed ? [text.missed] : [])].map(cueText);
    yield `${cueText(marker.id)}\n${vttTime(marker.startSec)} --> ${vttTime(end)}\n${lines.join('\n')}\n\n`;
  }
}
