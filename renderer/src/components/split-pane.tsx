/**
 * Two panes with a draggable divider. The first pane's size is remembered in localStorage per
 * `id`, so the layout survives reloads. The divider is focusable and moves with arrow keys.
 * The rendered size is fitted to the container (see split-math), and a row split can stack
 * into a column when its container is narrower than `stackBelow` (small windows).
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { fitFirst } from './split-math';

interface Props {
  id: string;
  direction: 'row' | 'column';
  initial: number;
  min?: number;
  max?: number;
  children: [ReactNode, ReactNode];
  className?: string;
  /** Row splits only: below this container width, stack the panes (first on top). */
  stackBelow?: number;
  /** First pane's height when stacked (remembered separately from the side-by-side width). */
  stackedInitial?: number;
  /** Minimum pane size when stacked (heights are scarcer than widths). */
  stackedMin?: number;
}

const storageKey = (id: string) => `tapedeck.split.${id}`;

function readSize(id: string, fallback: number): number {
  try {
    const v = Number(localStorage.getItem(storageKey(id)));
    return Number.isFinite(v) && v > 0 ? v : fallback;
  } catch {
    return fallback;
  }
}

export function SplitPane(props: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [extent, setExtent] = useState({ w: 0, h: 0 });
  // Measured before paint, and on every resize: the fit depends on the container's size.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setExtent((e) => (e.w === el.clientWidth && e.h === el.clientHeight ? e : { w: el.clientWidth, h: el.clientHeight }));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const stacked = props.direction === 'row' && props.stackBelow !== undefined && extent.w > 0 && extent.w < props.stackBelow;
  const direction = stacked ? 'column' : props.direction;
  return (
    <div ref={box} className={`split split-${direction} ${props.className ?? ''}`} data-testid={`split-${props.id}`} data-stacked={stacked || undefined}>
      {/* Keyed by orientation so each keeps its own remembered size. */}
      {stacked ? (
        <Split key="stacked" {...props} id={`${props.id}.stacked`} direction="column" initial={props.stackedInitial ?? props.initial} min={props.stackedMin ?? props.min} box={box} extent={extent} />
      ) : (
        <Split key="split" {...props} box={box} extent={extent} />
      )}
    </div>
  );
}

function Split({ id, direction, initial, min = 160, max = 2000, children, box, extent }: Props & { box: React.RefObject<HTMLDivElement | null>; extent: { w: number; h: number } }) {
  const [size, setSize] = useState(() => readSize(id, initial));
  const row = direction === 'row';
  const shown = fitFirst(size, row ? extent.w : extent.h, min, max);

  useEffect(() => {
    try {
      localStorage.setItem(storageKey(id), String(Math.round(size)));
    } catch {
      /* storage may be disabled; the layout still works for this session */
    }
  }, [id, size]);

  const clamp = useCallback(
    (v: number) => {
      const total = box.current ? (row ? box.current.clientWidth : box.current.clientHeight) : Infinity;
      return Math.max(min, Math.min(v, max, total - min));
    },
    [min, max, row, box],
  );

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    const start = row ? e.clientX : e.clientY;
    const startSize = shown;
    const move = (ev: PointerEvent) => setSize(clamp(startSize + (row ? ev.clientX : ev.clientY) - start));
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const d = e.shiftKey ? 50 : 10;
    const dec = row ? 'ArrowLeft' : 'ArrowUp';
    const inc = row ? 'ArrowRight' : 'ArrowDown';
    if (e.key === dec) setSize(clamp(shown - d));
    else if (e.key === inc) setSize(clamp(shown + d));
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <>
      <div className="split-first" style={{ flexBasis: shown }}>
        {children[0]}
      </div>
      <div
        className="split-divider"
        role="separator"
        aria-orientation={row ? 'vertical' : 'horizontal'}
        aria-valuenow={Math.round(shown)}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
        data-testid={`divider-${id.replace(/\.stacked$/, '')}`}
      />
      <div className="split-second">{children[1]}</div>
    </>
  );
}
