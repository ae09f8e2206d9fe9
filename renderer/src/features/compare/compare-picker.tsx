/**
 * "Compare with…": a library file to put beside the open one (the open file itself too, to
 * compare two of its interactions), optionally one interaction of each.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CassetteSummary } from '../../../../shared/model/summary';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { fuzzyScore } from '../library/filter';
import { refKey } from '../library/library-model';

const MAX = 50;

function InteractionSelect({ id, label, count, value, onChange }: { id: string; label: string; count: number; value: number; onChange: (n: number) => void }) {
  return (
    <label htmlFor={id}>
      {label}{' '}
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))} data-testid={id}>
        {Array.from({ length: count }, (_, i) => <option key={i} value={i}>#{i}</option>)}
      </select>
    </label>
  );
}

export function ComparePicker() {
  const store = useAppStoreApi();
  const summaries = useAppStore((s) => s.summaries);
  const selectedKey = useAppStore((s) => (s.selected ? refKey(s.selected) : null));
  const ownCount = useAppStore((s) => (s.doc.status === 'ready' ? s.doc.cassette.interactions.length : 0));
  const current = useAppStore((s) => s.interactionIndex);
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const [one, setOne] = useState(false);
  const [mine, setMine] = useState(current);
  const [theirs, setTheirs] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const results = useMemo(() => {
    const scored: { s: CassetteSummary; score: number }[] = [];
    for (const s of summaries.values()) {
      if (s.kind !== 'cassette' && refKey(s) !== selectedKey) continue;
      const score = fuzzyScore(s.relPath, q);
      if (score != null) scored.push({ s, score });
    }
    scored.sort((a, b) => b.score - a.score || a.s.relPath.localeCompare(b.s.relPath));
    return scored.slice(0, MAX).map((x) => x.s);
  }, [summaries, q, selectedKey]);

  const close = () => store.getState().setComparePicker(false);
  const target = results[active];
  const choose = (i: number) => {
    const s = results[i];
    if (!s) return;
    const ref = { rootId: s.rootId, relPath: s.relPath };
    const interactions = one ? { a: mine, b: Math.min(theirs, Math.max(0, s.interactions - 1)) } : undefined;
    void store.getState().startCompare({ a: { kind: 'current' }, b: { kind: 'file', ref }, interactions });
  };

  return (
    <div className="overlay overlay-top" onClick={close} data-testid="compare-picker">
      <div className="dialog quick-open" role="dialog" aria-modal="true" aria-label="Compare with another cassette" onClick={(e) => e.stopPropagation()}>
        <input
          ref={input}
          className="search"
          placeholder="Compare with cassette…"
          aria-label="Cassette to compare with"
          value={q}
          onChange={(e) => { setQ(e.target.value); setActive(0); }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setActive((a) => Math.min(results.length - 1, a + 1));
            else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
            else if (e.key === 'Enter') choose(active);
            else if (e.key === 'Escape') close();
            else return;
            e.preventDefault();
          }}
          data-testid="compare-picker-input"
          role="combobox"
          aria-expanded="true"
          aria-controls="compare-picker-list"
          aria-activedescendant={target ? `compare-pick-${active}` : undefined}
        />
        <div className="cmp-pick-one">
          <label>
            <input type="checkbox" checked={one} onChange={(e) => setOne(e.target.checked)} data-testid="compare-one" /> One interaction of each
          </label>
          {one ? (
            <>
              <InteractionSelect id="compare-mine" label="this file" count={ownCount} value={mine} onChange={setMine} />
              <InteractionSelect id="compare-theirs" label="the other" count={Math.max(1, target?.interactions ?? 1)} value={theirs} onChange={setTheirs} />
            </>
          ) : null}
        </div>
        <ul id="compare-picker-list" role="listbox" className="quick-open-list" aria-label="Cassettes">
          {results.map((s, i) => (
            <li
              key={`${s.rootId}/${s.relPath}`}
              id={`compare-pick-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : ''}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(i)}
              data-testid="compare-picker-item"
            >
              <span className="mono">{s.relPath}</span>
              <span className="muted">{refKey(s) === selectedKey ? 'this file' : `${s.interactions}× ${s.models[0] ?? s.format ?? ''}`}</span>
            </li>
          ))}
          {results.length === 0 ? <li className="muted">No cassette matches</li> : null}
        </ul>
      </div>
    </div>
  );
}
