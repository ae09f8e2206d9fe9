/**
 * The raw text diff of the two sides in Monaco's diff editor (lazy-loaded like the Raw tab),
 * both sides read-only, scrolled to the first change once Monaco has computed the diff.
 */
import { useEffect, useRef, useState } from 'react';
import { loadMonaco, monacoTheme } from '../editor/monaco-loader';

export function RawCompare({ a, b }: { a: string; b: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | string>('loading');

  useEffect(() => {
    let dispose = () => {};
    let gone = false;
    loadMonaco().then(
      (monaco) => {
        if (gone || !host.current) return;
        const original = monaco.editor.createModel(a, 'yaml');
        const modified = monaco.editor.createModel(b, 'yaml');
        const diff = monaco.editor.createDiffEditor(host.current, {
          theme: monacoTheme(),
          automaticLayout: true,
          renderSideBySide: true,
          readOnly: true,
          originalEditable: false,
          fontSize: 12,
          fixedOverflowWidgets: true,
          // A cassette body is often one long line: wrapped, its change is on screen.
          wordWrap: 'on',
          diffWordWrap: 'on',
        });
        diff.setModel({ original, modified });
        let first = true;
        const sub = diff.onDidUpdateDiff(() => {
          if (!first) return;
          first = false;
          diff.revealFirstDiff();
          setState('ready');
        });
        dispose = () => {
          sub.dispose();
          diff.dispose();
          original.dispose();
          modified.dispose();
        };
      },
      (e: Error) => !gone && setState(`The diff editor failed to load: ${e.message}`),
    );
    return () => {
      gone = true;
      dispose();
    };
  }, [a, b]);

  return (
    <div className="cmp-raw" data-testid="cmp-raw" data-state={state === 'loading' || state === 'ready' ? state : 'error'}>
      {state !== 'loading' && state !== 'ready' ? <div className="diag-error">{state}</div> : null}
      <div ref={host} className="monaco-host" />
    </div>
  );
}
