/**
 * Copy and export, as in DevTools' request context menu: the request as cURL (secrets masked,
 * or as recorded when asked), the assembled message as JSON, the interaction or the whole
 * cassette as HAR 1.2.
 */
import { useEffect, useRef, useState } from 'react';
import { toCurl } from '../../../../shared/export/curl';
import { toHar } from '../../../../shared/export/har';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { baseName, copyText, downloadText } from './save-text';

type Action = 'curl' | 'curl-secrets' | 'message' | 'har-interaction' | 'har-cassette';

const ITEMS: { action: Action; label: string; hint: string }[] = [
  { action: 'curl', label: 'Copy as cURL', hint: 'Secret header values and keys are masked' },
  { action: 'curl-secrets', label: 'Copy as cURL (with secrets)', hint: 'Includes the recorded credentials' },
  { action: 'message', label: 'Copy message as JSON', hint: 'The assembled response message' },
  { action: 'har-interaction', label: 'Export interaction as HAR', hint: 'HAR 1.2 for DevTools or HTTP Toolkit' },
  { action: 'har-cassette', label: 'Export cassette as HAR', hint: 'Every interaction, HAR 1.2' },
];

export function ExportMenu({ interaction }: { interaction: number }) {
  const store = useAppStoreApi();
  const hasMessage = useAppStore((s) => s.doc.status === 'ready' && !!s.doc.analysis.interactions[interaction]?.message);
  const menu = useRef<HTMLDetailsElement>(null);
  const [status, setStatus] = useState('');
  // The confirmation floats over the panel, so it goes away by itself rather than linger there.
  useEffect(() => {
    if (!status) return;
    const t = setTimeout(() => setStatus(''), 4000);
    return () => clearTimeout(t);
  }, [status]);

  async function run(action: Action) {
    menu.current?.removeAttribute('open');
    const { doc } = store.getState();
    if (doc.status !== 'ready') return;
    const it = doc.cassette.interactions[interaction];
    try {
      if (action === 'curl' || action === 'curl-secrets') {
        await copyText(toCurl(it, { revealSecrets: action === 'curl-secrets' }));
        setStatus(action === 'curl' ? 'Copied cURL (secrets masked)' : 'Copied cURL with secrets');
      } else if (action === 'message') {
        await copyText(JSON.stringify(doc.analysis.interactions[interaction]?.message, null, 2));
        setStatus('Copied message JSON');
      } else {
        const one = action === 'har-interaction';
        const har = toHar(doc.cassette, {
          interactions: one ? [interaction] : undefined,
          creator: { name: 'Tapedeck', version: __TAPEDECK_VERSION__ },
          fallbackDate: new Date(doc.file.mtimeMs).toISOString(),
        });
        const name = `${baseName(doc.ref.relPath)}${one ? `-${interaction}` : ''}.har`;
        downloadText(name, JSON.stringify(har, null, 2) + '\n', 'application/json');
        setStatus(`Exported ${name}`);
      }
    } catch (err) {
      setStatus(`Could not ${action.startsWith('har') ? 'export' : 'copy'}: ${(err as Error).message}`);
    }
  }

  return (
    <span className="export-menu">
      <details ref={menu} data-testid="export-menu">
        <summary className="chip" title="Copy or export this request">Copy / Export ▾</summary>
        <div role="menu" className="export-menu-list">
          {ITEMS.filter((i) => i.action !== 'message' || hasMessage).map((i) => (
            <button key={i.action} type="button" role="menuitem" title={i.hint} data-testid={`export-${i.action}`} onClick={() => void run(i.action)}>
              {i.label}
            </button>
          ))}
        </div>
      </details>
      <span className={`export-status${status ? ' is-shown' : ''}`} role="status" data-testid="export-status">{status}</span>
    </span>
  );
}
