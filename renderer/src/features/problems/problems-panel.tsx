/**
 * Problems: this cassette's lint findings (parse errors and warnings among them; click → the
 * line in the editor, quick fixes as buttons), then the folder's files with their lint counts
 * from the index (click → open the file). Both come from the one lint run of
 * shared/lint/file.ts, as `tapedeck lint` prints it, so a saved file shows the same numbers
 * here, in the sidebar and in the CLI.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { lintCounts } from '../../../../shared/lint/counts';
import { problemsOf } from '../editor/markers';
import { refKey } from '../library/library-model';
import { useAppStore, useAppStoreApi } from '../../store/store-context';

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

export function ProblemsPanel() {
  const store = useAppStoreApi();
  const { findings, summaries, dirty } = useAppStore(useShallow((s) => ({ findings: s.editor.findings, summaries: s.summaries, dirty: s.editor.dirty })));
  const problems = useMemo(() => problemsOf(findings), [findings]);
  const counts = useMemo(() => lintCounts(findings), [findings]);
  const rows = useMemo(() => [...summaries.values()].filter((s) => s.kind === 'cassette'), [summaries]);
  const folder = useMemo(
    () => rows.filter((s) => s.lint && s.lint.error + s.lint.warning > 0).sort((a, b) => b.lint!.error - a.lint!.error || a.relPath.localeCompare(b.relPath)),
    [rows],
  );
  const unlinted = rows.filter((s) => !s.lint).length;
  const s = () => store.getState();
  const hasSecret = findings.some((f) => f.code.startsWith('secret'));
  return (
    <div className="problems" data-testid="problems-panel">
      <h3 className="sub-title">
        This cassette{' '}
        <span className="muted" data-testid="problems-counts" data-error={counts.error} data-warning={counts.warning} data-info={counts.info}>
          {plural(counts.error, 'error')} · {plural(counts.warning, 'warning')} · {counts.info} info{dirty ? ' (unsaved text)' : ''}
        </span>
        {hasSecret ? <button type="button" className="chip" onClick={() => s().applyEdit({ kind: 'redact-all' })} data-testid="redact-all">Redact all secrets</button> : null}
      </h3>
      {problems.length === 0 ? <div className="muted pad">No problems found.</div> : null}
      <ul className="problem-list">
        {problems.map((p, i) => (
          <li key={i} className={`problem diag-${p.severity}`} data-testid="problem" data-code={p.code} data-severity={p.severity}>
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
      <h3 className="sub-title">
        Folder <span className="muted">{plural(folder.length, 'file')} with problems{unlinted ? `; ${unlinted} not linted yet` : ''}</span>
      </h3>
      <ul className="problem-list" data-testid="folder-problems">
        {folder.map((f) => (
          <li key={refKey(f)} className="problem">
            <button type="button" className="link-button mono" onClick={() => void s().select({ rootId: f.rootId, relPath: f.relPath })}>{f.relPath}</button>
            {f.lint!.error ? <span className="badge badge-error">{plural(f.lint!.error, 'error')}</span> : null}
            {f.lint!.warning ? <span className="badge badge-warn">{plural(f.lint!.warning, 'warning')}</span> : null}
            {f.firstError ? <span className="muted problem-msg">{f.firstError.message}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
