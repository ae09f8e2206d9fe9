/**
 * Tells the user when the browser tab lost `tapedeck serve`. Electron never shows it (its
 * connection is always `connected`). A floating strip, so the layout under it never shifts.
 */
import { useAppStore } from '../../store/store-context';
import './connection-banner.css';

export function ConnectionBanner() {
  const state = useAppStore((s) => s.connection);
  const dirty = useAppStore((s) => s.editor.dirty);
  if (state === 'connected') return null;
  const ended = state === 'ended';
  return (
    <div className={`connection-banner connection-${state}`} data-testid="connection-banner" data-state={state} role="alert">
      {ended ? (
        <>
          <strong>This tab&apos;s session ended (tapedeck serve was restarted). Open the URL it printed.</strong>
          {dirty ? <span className="connection-hint">Your unsaved edit is still in this tab: copy it before you leave.</span> : null}
        </>
      ) : (
        <>
          <span className="connection-spinner" aria-hidden />
          <strong>Lost connection to tapedeck serve — reconnecting…</strong>
          {dirty ? <span className="connection-hint">Unsaved edits stay here; save once it is back.</span> : null}
        </>
      )}
    </div>
  );
}
