/** Canvas colours (canvas cannot read CSS variables cheaply); chosen for contrast on the light track background. */
export const PALETTE = {
  face: '#1b6a86',
  body: '#8a5a1f',
  touch: 'rgba(138, 90, 31, 0.28)',
  voice: '#6b3fa0',
  speech: 'rgba(107, 63, 160, 0.28)',
  interaction: '#2e6b3f',
  inStep: 'rgba(46, 107, 63, 0.28)',
  ruler: '#3d4a56',
  muted: '#5c6873',
  marker: '#d9822b',
  markerSelected: '#a4451a',
  markerOutline: '#1d2731',
  note: '#7b8fa1',
  noteSelected: '#3d5466',
} as const;

/** The lanes' box colours (kept as objects so a lane's drawing is not redone on every render). */
export const MARKER_COLORS = { fill: PALETTE.marker, selected: PALETTE.markerSelected, outline: PALETTE.markerOutline };
export const NOTE_COLORS = { fill: PALETTE.note, selected: PALETTE.noteSelected, outline: PALETTE.markerOutline };
