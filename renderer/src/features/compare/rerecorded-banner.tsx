/**
 * Above the tabs of a file re-recorded on disk while open or listed: which interactions
 * changed, and the keyboard-reachable link to the comparison (the sidebar badge and the
 * timeline marks link there too).
 */
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { refKey } from '../library/library-model';

export function RerecordedBanner() {
  const store = useAppStoreApi();
  const key = useAppStore((s) => (s.selected ? refKey(s.selected) : null));
  const changed = useAppStore((s) => (key ? s.rerecorded.get(key) : undefined));
  const comparing = useAppStore((s) => s.mainTab === 'compare' && s.compare.status !== 'idle');
  if (changed === undefined || !key || comparing) return null;
  const list = changed?.length ? changed.map((i) => `#${i}`).join(' ') : '';
  return (
    <div className="banner banner-info" role="status" data-testid="rerecorded-banner">
      <span>
        <b>Re-recorded on disk</b>
        {changed === null ? '' : list ? `: ${list} changed` : ': same interactions, rewritten'}
      </span>
      <button type="button" onClick={() => void store.getState().reviewRerecording(changed?.[0])} data-testid="rerecorded-review">
        Review changes
      </button>
      <button type="button" className="link-button" onClick={() => store.getState().dismissRerecorded(key)} aria-label="Dismiss the re-recorded note">
        Dismiss
      </button>
    </div>
  );
}
