/** The markers lane: one box per marker (overlapping ones on separate rows). Click a box to select it and seek to it. */
import { memo, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { Marker } from '../../lib/analysis/types.ts';
import { drawMarkers, prepareCanvas } from './draw.ts';
import { assignRows, hitTestMarker, layoutMarkers } from './marker-layout.ts';
import { PALETTE } from './palette.ts';
import type { Viewport } from './viewport.ts';

const ROW_HEIGHT = 20;

interface Props {
  markers: readonly Marker[];
  selectedId: string | null;
  view: Viewport;
  width: number;
  onPick: (marker: Marker) => void;
}

export const MarkerLane = memo(function MarkerLane({ markers, selectedId, view, width, onPick }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [hoverId, setHoverId] = useState<string | null>(null);
  const rows = useMemo(() => assignRows(markers), [markers]);
  const rowCount = Math.max(1, ...[...rows.values()].map((r) => r + 1));
  const height = rowCount * ROW_HEIGHT;
  const boxes = useMemo(() => layoutMarkers(markers, rows, view, width), [markers, rows, view, width]);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width <= 0) return;
    const ctx = prepareCanvas(canvas, width, height);
    if (!ctx) return;
    drawMarkers(ctx, boxes, selectedId, ROW_HEIGHT, {
      fill: PALETTE.marker,
      selected: PALETTE.markerSelected,
      outline: PALETTE.markerOutline,
    });
  }, [boxes, selectedId, width, height]);

  const hit = (e: MouseEvent<HTMLCanvasElement>) => hitTestMarker(boxes, e.nativeEvent.offsetX, e.nativeEvent.offsetY, ROW_HEIGHT);
  const hovered = markers.find((m) => m.id === hoverId);

  return (
    <canvas
      ref={canvasRef}
      className={`track-plot marker-lane${hoverId ? ' over-marker' : ''}`}
      style={{ height }}
      role="img"
      aria-label={`${markers.length} markers; they are also listed beside the video`}
      title={hovered?.summary}
      onMouseMove={(e) => setHoverId(hit(e))}
      onMouseLeave={() => setHoverId(null)}
      onClick={(e) => {
        const id = hit(e);
        const marker = id === null ? undefined : markers.find((m) => m.id === id);
        if (marker) onPick(marker);
      }}
    />
  );
});
