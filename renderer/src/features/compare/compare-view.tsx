/**
 * The Compare tab: which two versions, the switches (volatile fields, unchanged pairs, raw
 * text), a summary of the diff, then each interaction pair side by side. Built from the
 * shared/diff model, the same one `tapedeck diff` prints.
 */
import { useEffect, useRef } from 'react';
import { pairCounts, signed, usd } from '../../../../shared/diff/describe';
import { StateMessage } from '../../components/state-message';
import type { CompareSide } from '../../store/compare-types';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { PairSection } from './pair-section';
import { RawCompare } from './raw-compare';

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The two sides over their columns (the same grid as the rows below). */
function SideHeads({ a, b, note, raw }: { a: CompareSide; b: CompareSide; note: string; raw?: boolean }) {
  const head = (side: CompareSide, which: 'A' | 'B') => (
    <div className="cmp-side" data-testid={`cmp-side-${which.toLowerCase()}`} title={`${side.label} · ${side.path}`}>
      <b>{which}</b> {side.label} <span className="muted mono">{side.path}</span>
    </div>
  );
  return (
    <div className={`cmp-row cmp-sides${raw ? ' cmp-raw-sides' : ''}`}>
      <div className="cmp-field">{note}</div>
      {head(a, 'A')}
      {head(b, 'B')}
    </div>
  );
}

function Toggle({ on, label, onChange, testId }: { on: boolean; label: string; onChange: (v: boolean) => void; testId: string }) {
  return (
    <button type="button" className="chip" aria-pressed={on} onClick={() => onChange(!on)} data-testid={testId}>
      {label}
    </button>
  );
}

export function CompareView() {
  const store = useAppStoreApi();
  const c = useAppStore((s) => s.compare);
  const view = useAppStore((s) => s.compareView);
  const list = useRef<HTMLDivElement>(null);
  const focus = c.status === 'ready' ? c.request.focus : undefined;
  useEffect(() => {
    if (focus === undefined || view.raw) return;
    list.current?.querySelector(`[data-b="${focus}"]`)?.scrollIntoView({ block: 'start' });
  }, [focus, c, view.raw]);

  if (c.status === 'idle') return null;
  const st = () => store.getState();
  if (c.status === 'loading') return <StateMessage kind="loading" title="Comparing…" testId="cmp-loading" />;
  if (c.status === 'error') {
    return (
      <StateMessage kind="error" title="Cannot compare" testId="cmp-error">
        {c.request.note ? <p>{c.request.note}</p> : null}
        <p>{c.message}</p>
        <button type="button" onClick={() => st().closeCompare()}>Close</button>
      </StateMessage>
    );
  }
  const d = c.diff;
  const shown = view.hideSame ? d.pairs.filter((p) => p.status !== 'same' || p.moved) : d.pairs;
  const hidden = d.pairs.length - shown.length;
  return (
    <div className="compare" data-testid="compare-view">
      <div className="cmp-bar">
        <span className="cmp-summary" data-testid="cmp-summary" role="status">
          <b>{sentence(pairCounts(d.pairs))}</b>
          <span>{d.a.interactions} → {d.b.interactions} interactions</span>
          <span>tokens {signed(d.tokens.input)} in {signed(d.tokens.output)} out</span>
          <span>cost {usd(d.costUsd)}</span>
        </span>
        <span className="spacer" />
        <Toggle on={view.showVolatile} label="Volatile fields" testId="cmp-volatile" onChange={(v) => st().setCompareView({ showVolatile: v })} />
        <Toggle on={view.hideSame} label="Hide unchanged" testId="cmp-hide-same" onChange={(v) => st().setCompareView({ hideSame: v })} />
        <Toggle on={view.raw} label="Raw text diff" testId="cmp-raw-toggle" onChange={(v) => st().setCompareView({ raw: v })} />
        <button type="button" className="chip" onClick={() => st().swapCompare()} data-testid="cmp-swap" title="Swap A and B">Swap</button>
        <button type="button" className="chip" onClick={() => st().closeCompare()} data-testid="cmp-close">Close</button>
      </div>
      {c.request.note ? <p className="cmp-note" role="note">{c.request.note}</p> : null}
      {view.raw ? (
        <>
          <SideHeads a={c.a} b={c.b} note="text, as on disk" raw />
          <RawCompare a={c.a.text} b={c.b.text} />
        </>
      ) : (
        <div className="cmp-list" ref={list} data-testid="cmp-list">
          <SideHeads a={c.a} b={c.b} note={view.showVolatile ? 'volatile fields shown as information' : 'ids, dates, request ids, cookies, rate limits ignored'} />
          {shown.map((p) => (
            <PairSection key={`${p.a}-${p.b}`} p={p} a={c.a} b={c.b} focused={p.b !== null && p.b === focus} />
          ))}
          {hidden ? (
            <button type="button" className="link-button cmp-hidden" onClick={() => st().setCompareView({ hideSame: false })} data-testid="cmp-show-same">
              {hidden} unchanged pair{hidden === 1 ? '' : 's'} hidden: show
            </button>
          ) : null}
        </div>
      )}
    </div>
  );
}
