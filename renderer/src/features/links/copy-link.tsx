/** "Copy link": a URL that reopens this folder, file, interaction and event. */
import { useState } from 'react';
import { formatAppLink, formatHashLink, type DeepLink } from '../../../../shared/links/deep-link';
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
  // In a browser the page's URL carries this serve's per-launch token, so it only works while
  // this serve runs: a tapedeck:// link (which the desktop app follows) is the one to share.
  const inBrowser = window.location.protocol !== 'app:';
  const copy = async (format: (link: DeepLink) => string) => {
    const link = currentLink(store.getState());
    if (!link) return;
    const url = format(link);
    setShown({ url, copied: false });
    const copied = await writeClipboard(url);
    setShown({ url, copied });
  };
  return (
    <span className="copy-link">
      <button type="button" className="chip" onClick={() => void copy(linkUrl)} title={inBrowser ? "Copy this page's link to this interaction at the current event (it works while this tapedeck serve runs)" : 'Copy a link to this interaction at the current event'} data-testid="copy-link">
        Copy link
      </button>
      {inBrowser ? (
        <button type="button" className="chip mono" onClick={() => void copy(formatAppLink)} title="Copy a tapedeck:// link to share (bug reports, PR comments): the desktop app opens it, and it carries no session token" data-testid="copy-app-link">
          tapedeck://
        </button>
      ) : null}
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
