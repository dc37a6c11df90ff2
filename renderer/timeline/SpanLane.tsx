/**
 * A lane of time spans — the markers, or the notes — one box each (overlapping ones on separate rows).
 * Click a box to pick it; hovering shows its description.
 */
import { useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { drawMarkers, prepareCanvas } from './draw.ts';
import { assignRows, hitTestMarker, layoutMarkers, type TimeSpan } from './marker-layout.ts';
import type { Viewport } from './viewport.ts';

const ROW_HEIGHT = 20;

interface Props<T extends TimeSpan> {
  spans: readonly T[];
  selectedId: string | null;
  view: Viewport;
  width: number;
  colors: { fill: string; selected: string; outline: string };
  /** The canvas's class (`marker-lane`, `note-lane`) and its words for a screen reader. */
  className: string;
  label: string;
  describe: (span: T) => string;
  onPick: (span: T) => void;
}

export function SpanLane<T extends TimeSpan>({ spans, selectedId, view, width, colors, className, label, describe, onPick }: Props<T>) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [hoverId, setHoverId] = useState<string | null>(null);
  const rows = useMemo(() => assignRows(spans), [spans]);
  const rowCount = Math.max(1, ...[...rows.values()].map((r) => r + 1));
  const height = rowCount * ROW_HEIGHT;
  const boxes = useMemo(() => layoutMarkers(spans, rows, view, width), [spans, rows, view, width]);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width <= 0) return;
    const ctx = prepareCanvas(canvas, width, height);
    if (!ctx) return;
    drawMarkers(ctx, boxes, selectedId, ROW_HEIGHT, colors);
  }, [boxes, selectedId, width, height, colors]);

  const hit = (e: MouseEvent<HTMLCanvasElement>) => hitTestMarker(boxes, e.nativeEvent.offsetX, e.nativeEvent.offsetY, ROW_HEIGHT);
  const hovered = spans.find((s) => s.id === hoverId);

  return (
    <canvas
      ref={canvasRef}
      className={`track-plot ${className}${hoverId ? ' over-marker' : ''}`}
      style={{ height }}
      role="img"
      aria-label={label}
      title={hovered ? describe(hovered) : undefined}
      onMouseMove={(e) => setHoverId(hit(e))}
      onMouseLeave={() => setHoverId(null)}
      onClick={(e) => {
        const id = hit(e);
        const span = id === null ? undefined : spans.find((s) => s.id === id);
        if (span) onPick(span);
      }}
    />
  );
}
