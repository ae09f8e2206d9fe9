/**
 * Read-only cassette text with line numbers. Isolated here because the Monaco editor (later
 * task) replaces it; it keeps the same inputs: the text and a line to jump to.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { Diagnostic } from '../../../../shared/model/diagnostics';
import { useAppStore } from '../../store/store-context';

const LINE_H = 18;

export function RawView({ text, diagnostics }: { text: string; diagnostics: Diagnostic[] }) {
  const lines = useMemo(() => text.split(/\r?\n/), [text]);
  const jump = useAppStore((s) => s.rawJump);
  const scroller = useRef<HTMLDivElement>(null);
  const marked = useMemo(() => {
    const m = new Map<number, Diagnostic>();
    for (const d of diagnostics) if (d.line && !m.has(d.line)) m.set(d.line, d);
    return m;
  }, [diagnostics]);
  const width = String(lines.length).length;
  const v = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => LINE_H,
    overscan: 20,
  });

  useEffect(() => {
    if (jump) v.scrollToIndex(Math.max(0, jump.line - 1), { align: 'center' });
  }, [jump, v]);

  return (
    <div ref={scroller} className="raw-view" data-testid="raw-view" tabIndex={0} aria-label="Cassette source (read-only)">
      <div style={{ height: v.getTotalSize(), position: 'relative', minWidth: '100%' }}>
        {v.getVirtualItems().map((item) => {
          const n = item.index + 1;
          const d = marked.get(n);
          const isJump = jump?.line === n;
          return (
            <div
              key={item.key}
              className={`raw-line ${d ? `has-${d.severity}` : ''} ${isJump ? 'is-target' : ''}`}
              style={{ transform: `translateY(${item.start}px)` }}
              data-testid={isJump ? 'raw-target-line' : undefined}
              data-line={n}
              title={d?.message}
            >
              <span className="gutter">{String(n).padStart(width, ' ')}</span>
              <span className="raw-text">{lines[item.index] || ' '}</span>
              {d ? <span className="raw-diag">{d.message}</span> : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}
