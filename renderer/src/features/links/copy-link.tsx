/** "Copy link": a URL that reopens this folder, file, interaction and event. */
import { useState } from 'react';
import { formatAppLink, formatHashLink } from '../../../../shared/links/deep-link';
import { useAppStoreApi } from '../../store/store-context';
import { currentLink } from './link-target';

/** The desktop app is served from app://; there a tapedeck:// link reaches the running app. */
export function linkUrl(link: Parameters<typeof formatHashLink>[0]): string {
  const { protocol, origin, pathname, search } = window.location;
  if (protocol === 'app:') return formatAppLink(link);
  return `${origin}${pathname}${search}${formatHashLink(link)}`;
}

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // no permission (the desktop shell denies them all): the field below still shows it
  }
}

export function CopyLink() {
  const store = useAppStoreApi();
  const [shown, setShown] = useState<{ url: string; copied: boolean } | null>(null);
  const copy = async () => {
    const link = currentLink(store.getState());
    if (!link) return;
    const url = linkUrl(link);
    setShown({ url, copied: false });
    const copied = await writeClipboard(url);
    setShown({ url, copied });
  };
  return (
    <span className="copy-link">
      <button type="button" className="chip" onClick={() => void copy()} title="Copy a link to this interaction at the current event" data-testid="copy-link">
        Copy link
      </button>
      {shown ? (
        <span className="copy-link-result" role="status">
          <span className="muted">{shown.copied ? 'Copied' : 'Copy this link'}</span>
          <input readOnly value={shown.url} aria-label="Link" onFocus={(e) => e.currentTarget.select()} data-testid="copy-link-url" />
          <button type="button" className="chip" onClick={() => setShown(null)} aria-label="Close">×</button>
        </span>
      ) : null}
    </span>
  );
}
