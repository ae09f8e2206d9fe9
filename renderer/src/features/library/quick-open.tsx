/** Ctrl/Cmd+P: fuzzy-find a cassette by path across every root. */
import { useMemo, useRef, useState } from 'react';
import { useDialogFocus } from '../../components/use-dialog-focus';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { fuzzyScore } from './filter';

const MAX = 50;

export function QuickOpen() {
  const store = useAppStoreApi();
  const summaries = useAppStore((s) => s.summaries);
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const focus = useDialogFocus<HTMLDivElement>(input);

  const results = useMemo(() => {
    const scored: { s: (typeof all)[number]; score: number }[] = [];
    const all = [...summaries.values()];
    for (const s of all) {
      const score = fuzzyScore(s.relPath, q);
      if (score != null) scored.push({ s, score });
    }
    scored.sort((a, b) => b.score - a.score || a.s.relPath.localeCompare(b.s.relPath));
    return scored.slice(0, MAX).map((x) => x.s);
  }, [summaries, q]);

  const close = () => store.getState().setQuickOpen(false);
  const open = (i: number) => {
    const s = results[i];
    if (!s) return;
    close();
    void store.getState().select({ rootId: s.rootId, relPath: s.relPath });
  };

  return (
    <div className="overlay overlay-top" onClick={close} data-testid="quick-open">
      <div ref={focus.ref} onKeyDown={focus.onKeyDown} className="dialog quick-open" role="dialog" aria-modal="true" aria-label="Quick open" onClick={(e) => e.stopPropagation()}>
        <input
          ref={input}
          className="search"
          placeholder="Go to cassette…"
          value={q}
          onChange={(e) => { setQ(e.target.value); setActive(0); }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setActive((a) => Math.min(results.length - 1, a + 1));
            else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
            else if (e.key === 'Enter') open(active);
            else if (e.key === 'Escape') close();
            else return;
            e.preventDefault();
          }}
          data-testid="quick-open-input"
          role="combobox"
          aria-expanded="true"
          aria-controls="quick-open-list"
        />
        <ul id="quick-open-list" role="listbox" className="quick-open-list">
          {results.map((s, i) => (
            <li
              key={`${s.rootId}/${s.relPath}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : ''}
              onMouseEnter={() => setActive(i)}
              onClick={() => open(i)}
              data-testid="quick-open-item"
            >
              <span className="mono">{s.relPath}</span>
              <span className="muted">{s.models[0] ?? s.format ?? ''}</span>
            </li>
          ))}
          {results.length === 0 ? <li className="muted">No file matches</li> : null}
        </ul>
      </div>
    </div>
  );
}
