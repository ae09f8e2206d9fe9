/**
 * Windowing for a list of fixed-height rows whose scroll position follows a cursor. The scroll
 * offset lives in React state, so following the cursor renders the right rows in the same pass
 * that moves the cursor, and the browser's scroll event that follows finds nothing to change.
 * (A generic virtualizer learns about the scroll one event later and renders the rows twice,
 * with a second layout, which halved the scrub frame budget on a 100,000-event stream.)
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export interface FixedRows {
  ref: (el: HTMLDivElement | null) => void;
  onScroll: () => void;
  first: number;
  last: number;
  totalHeight: number;
}

export function useFixedRows(count: number, rowHeight: number, follow: number, overscan = 4): FixedRows {
  const el = useRef<HTMLDivElement | null>(null);
  const [viewport, setViewport] = useState(400);
  const [offset, setOffset] = useState(0);
  const ro = useRef<ResizeObserver | null>(null);

  const ref = useCallback((node: HTMLDivElement | null) => {
    ro.current?.disconnect();
    el.current = node;
    if (!node) return;
    ro.current = new ResizeObserver(() => setViewport(node.clientHeight));
    ro.current.observe(node);
  }, []);
  useEffect(() => () => ro.current?.disconnect(), []);

  // Follow the cursor: computed during render, so rows and scroll move in one pass.
  let target = offset;
  if (follow >= 0) {
    const top = follow * rowHeight;
    if (top < offset || top + rowHeight > offset + viewport) target = Math.max(0, top - viewport / 2);
  }
  const maxOffset = Math.max(0, count * rowHeight - viewport);
  target = Math.min(target, maxOffset);
  if (target !== offset) setOffset(target);

  useLayoutEffect(() => {
    if (el.current && Math.abs(el.current.scrollTop - target) >= 1) el.current.scrollTop = target;
  }, [target]);

  const onScroll = useCallback(() => {
    if (el.current) setOffset(el.current.scrollTop);
  }, []);

  const first = Math.max(0, Math.floor(target / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((target + viewport) / rowHeight) + overscan);
  return { ref, onScroll, first, last, totalHeight: count * rowHeight };
}
