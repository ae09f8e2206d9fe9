/**
 * Two panes with a draggable divider. The first pane's size is remembered in localStorage per
 * `id`, so the layout survives reloads. The divider is focusable and moves with arrow keys.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';

interface Props {
  id: string;
  direction: 'row' | 'column';
  initial: number;
  min?: number;
  max?: number;
  children: [ReactNode, ReactNode];
  className?: string;
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

export function SplitPane({ id, direction, initial, min = 160, max = 2000, children, className }: Props) {
  const [size, setSize] = useState(() => readSize(id, initial));
  const box = useRef<HTMLDivElement>(null);
  const row = direction === 'row';

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
    [min, max, row],
  );

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    const start = row ? e.clientX : e.clientY;
    const startSize = size;
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
    if (e.key === dec) setSize((s) => clamp(s - d));
    else if (e.key === inc) setSize((s) => clamp(s + d));
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div ref={box} className={`split split-${direction} ${className ?? ''}`} data-testid={`split-${id}`}>
      <div className="split-first" style={{ flexBasis: size }}>
        {children[0]}
      </div>
      <div
        className="split-divider"
        role="separator"
        aria-orientation={row ? 'vertical' : 'horizontal'}
        aria-valuenow={Math.round(size)}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
        data-testid={`divider-${id}`}
      />
      <div className="split-second">{children[1]}</div>
    </div>
  );
}
