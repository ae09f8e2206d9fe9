/**
 * Follows deep links: the page's hash route (on load and on hashchange, the browser host) and
 * link requests in the store (a tapedeck:// link the desktop shell validated). The link waits
 * until the file is indexed, then opens the file, the interaction and the event.
 */
import { useEffect, useState } from 'react';
import { parseHashLink, type DeepLink } from '../../../../shared/links/deep-link';
import type { AppStore } from '../../store/types';
import { linkTarget } from './link-target';

export function useDeepLinks(store: AppStore): string | null {
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    let waiting: (() => void) | null = null;
    const follow = (link: DeepLink) => {
      waiting?.();
      setNotice(null);
      // The link wins over a file named on the command line.
      store.setState({ pendingInitial: null });
      const attempt = () => {
        const t = linkTarget(store.getState(), link);
        if ('wait' in t) return;
        waiting?.();
        waiting = null;
        if ('missing' in t) setNotice(t.missing);
        else void open(store, t.ref, link);
      };
      waiting = store.subscribe(attempt);
      attempt();
    };
    const fromHash = () => {
      const link = parseHashLink(window.location.hash);
      if (link) store.getState().requestLink(link);
      else if (window.location.hash.startsWith('#/open')) setNotice('This link is not a valid Tapedeck link.');
    };
    let seen = store.getState().linkRequest;
    if (seen) follow(seen.link);
    const offRequests = store.subscribe((s) => {
      if (s.linkRequest === seen || !s.linkRequest) return;
      seen = s.linkRequest;
      follow(seen.link);
    });
    fromHash();
    window.addEventListener('hashchange', fromHash);
    return () => {
      waiting?.();
      offRequests();
      window.removeEventListener('hashchange', fromHash);
    };
  }, [store]);
  return notice;
}

async function open(store: AppStore, ref: { rootId: string; relPath: string }, link: DeepLink): Promise<void> {
  await store.getState().select(ref);
  const s = store.getState();
  if (s.doc.status !== 'ready' || s.doc.ref.relPath !== ref.relPath) return; // declined or failed
  s.setTab('replay');
  s.selectInteraction(link.interaction);
  if (link.event !== null) store.getState().seek(link.event - 1);
}
