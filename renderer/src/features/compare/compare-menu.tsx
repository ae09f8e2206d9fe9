/**
 * "Compare ▾" in the cassette header: with HEAD when the file is in a git work tree (asked of
 * the backend when the menu opens), with the text before the last re-recording when it was
 * kept, or with another cassette or interaction (the picker).
 */
import { useRef } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { refKey } from '../library/library-model';

export function CompareMenu() {
  const store = useAppStoreApi();
  const key = useAppStore((s) => (s.selected ? refKey(s.selected) : null));
  const probe = useAppStore((s) => (s.gitProbe && s.gitProbe.key === key ? s.gitProbe : null));
  const hasPrior = useAppStore((s) => (key ? s.priorTexts.has(key) : false));
  const menu = useRef<HTMLDetailsElement>(null);
  const st = () => store.getState();
  const pick = (run: () => void) => {
    menu.current?.removeAttribute('open');
    run();
  };
  const headLabel = !probe || probe.state === 'loading' ? 'Compare with HEAD (checking git…)' : probe.state === 'ok' ? `Compare with HEAD (${probe.detail})` : 'Compare with HEAD';

  return (
    <details
      ref={menu}
      className="compare-menu"
      data-testid="compare-menu"
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open) void st().probeGitHead();
      }}
    >
      <summary className="chip" title="Compare this cassette with another version">Compare ▾</summary>
      <div role="menu" className="export-menu-list">
        <button
          type="button"
          role="menuitem"
          disabled={probe?.state !== 'ok'}
          title={probe?.state === 'unavailable' ? probe.detail : 'The version committed at HEAD, against this one'}
          onClick={() => pick(() => void st().startCompare({ a: { kind: 'git', rev: 'HEAD' }, b: { kind: 'current' } }))}
          data-testid="compare-head"
        >
          {headLabel}
          {probe?.state === 'unavailable' ? <span className="muted cmp-why"> — {probe.detail}</span> : null}
        </button>
        {hasPrior ? (
          <button type="button" role="menuitem" onClick={() => pick(() => void st().startCompare({ a: { kind: 'previous' }, b: { kind: 'current' } }))} data-testid="compare-previous">
            Compare with the text before the re-recording
          </button>
        ) : null}
        <button type="button" role="menuitem" onClick={() => pick(() => st().setComparePicker(true))} data-testid="compare-with">
          Compare with…
        </button>
      </div>
    </details>
  );
}
