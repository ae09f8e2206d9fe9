/**
 * Problems: this cassette's parse diagnostics and lint findings (click → the line in the
 * editor, quick fixes as buttons), then the folder's files with error/warning counts from the
 * index summaries (click → open the file).
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { problemsOf } from '../editor/markers';
import { refKey } from '../library/library-model';
import { useAppStore, useAppStoreApi } from '../../store/store-context';

export function ProblemsPanel() {
  const store = useAppStoreApi();
  const { doc, findings, summaries } = useAppStore(useShallow((s) => ({ doc: s.doc, findings: s.editor.findings, summaries: s.summaries })));
  const problems = useMemo(() => problemsOf(doc.status === 'ready' ? doc.cassette.diagnostics : [], findings), [doc, findings]);
  const folder = useMemo(
    () => [...summaries.values()].filter((s) => s.diagnostics.error + s.diagnostics.warning > 0).sort((a, b) => b.diagnostics.error - a.diagnostics.error || a.relPath.localeCompare(b.relPath)),
    [summaries],
  );
  const s = () => store.getState();
  const hasSecret = findings.some((f) => f.code.startsWith('secret'));
  return (
    <div className="problems" data-testid="problems-panel">
      <h3 className="sub-title">
        This cassette <span className="muted">{problems.length}</span>
        {hasSecret ? <button type="button" className="chip" onClick={() => s().applyEdit({ kind: 'redact-all' })} data-testid="redact-all">Redact all secrets</button> : null}
      </h3>
      {problems.length === 0 ? <div className="muted pad">No problems found.</div> : null}
      <ul className="problem-list">
        {problems.map((p, i) => (
          <li key={i} className={`problem diag-${p.severity}`} data-testid="problem" data-code={p.code}>
            <button type="button" className="link-button" onClick={() => s().gotoSource({ kind: 'line', line: p.line ?? 1, column: p.column })}>
              {p.line ? `line ${p.line}` : 'file'}
            </button>
            <span className="problem-sev">{p.severity}</span>
            <span className="mono muted">{p.code}</span>
            <span className="problem-msg">{p.message}</span>
            {p.fixIndex !== undefined ? (
              <button type="button" className="chip" onClick={() => void s().applyFix(p.fixIndex!)} data-testid="problem-fix">{p.fixTitle}</button>
            ) : null}
          </li>
        ))}
      </ul>
      <h3 className="sub-title">Folder <span className="muted">{folder.length} file{folder.length === 1 ? '' : 's'} with problems</span></h3>
      <ul className="problem-list" data-testid="folder-problems">
        {folder.map((f) => (
          <li key={refKey(f)} className="problem">
            <button type="button" className="link-button mono" onClick={() => void s().select({ rootId: f.rootId, relPath: f.relPath })}>{f.relPath}</button>
            {f.diagnostics.error ? <span className="badge badge-error">{f.diagnostics.error} error{f.diagnostics.error === 1 ? '' : 's'}</span> : null}
            {f.diagnostics.warning ? <span className="badge badge-warn">{f.diagnostics.warning} warning{f.diagnostics.warning === 1 ? '' : 's'}</span> : null}
            {f.firstError ? <span className="muted problem-msg">{f.firstError.message}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
