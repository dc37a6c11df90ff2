/** The position and width of a timeline plot cell, kept current as the window is resized. */
import { useLayoutEffect, useState, type RefObject } from 'react';

export interface PlotBox {
  /** Offset of the plot cell from the left of the timeline's rows. */
  left: number;
  width: number;
}

export function usePlotBox(ref: RefObject<HTMLElement | null>): PlotBox {
  const [box, setBox] = useState<PlotBox>({ left: 0, width: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const next = { left: element.offsetLeft, width: element.clientWidth };
      setBox((prev) => (prev.left === next.left && prev.width === next.width ? prev : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return box;
}
