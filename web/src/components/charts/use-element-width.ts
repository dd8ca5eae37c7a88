import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from 'react';

/**
 * The width of an element in whole pixels, kept current as it resizes: charts are drawn for it.
 * The first width is read before paint, so a chart does not appear a frame after its caption.
 */
export function useElementWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    if (ref.current) setWidth(Math.floor(ref.current.clientWidth));
  }, []);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
