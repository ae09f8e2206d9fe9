/** Designed empty / loading / error states, so no pane is ever just blank. */
import type { ReactNode } from 'react';

interface Props {
  kind: 'empty' | 'loading' | 'error';
  title: string;
  children?: ReactNode;
  testId?: string;
}

export function StateMessage({ kind, title, children, testId }: Props) {
  return (
    <div className={`state state-${kind}`} data-testid={testId ?? `state-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {kind === 'loading' ? <div className="spinner" aria-hidden /> : <div className="state-icon" aria-hidden>{kind === 'error' ? '!' : '∅'}</div>}
      <div className="state-title">{title}</div>
      {children ? <div className="state-body">{children}</div> : null}
    </div>
  );
}
