/** App shell: library sidebar | open cassette, plus the dialogs. */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SplitPane } from '../components/split-pane';
import { ConnectionBanner } from '../features/connection/connection-banner';
import { QuickOpen } from '../features/library/quick-open';
import { ComparePicker } from '../features/compare/compare-picker';
import { Sidebar } from '../features/library/sidebar';
import { useDeepLinks } from '../features/links/use-deep-links';
import { CassetteView } from '../features/replay/cassette-view';
import { HelpButton, ShortcutsOverlay } from '../features/shortcuts/shortcuts-overlay';
import { useGlobalShortcuts } from '../features/shortcuts/use-global-shortcuts';
import { selectUi } from '../store/selectors';
import { useAppStore, useAppStoreApi } from '../store/store-context';

export function App() {
  const store = useAppStoreApi();
  const ui = useAppStore(useShallow(selectUi));
  useGlobalShortcuts(store);
  const linkNotice = useDeepLinks(store);
  useEffect(() => {
    void store.getState().initLibrary();
    store.getState().initEditor();
    store.getState().initConnection();
  }, [store]);
  // While dirty, closing the tab/window asks first (Electron turns this into its own dialog).
  const dirty = useAppStore((s) => s.editor.dirty);
  // With a cassette open the button sits in the tab bar (CassetteView) instead of floating over content.
  const docReady = useAppStore((s) => s.doc.status === 'ready');
  const pickerOpen = useAppStore((s) => s.comparePickerOpen);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
      return '';
    };
    window.onbeforeunload = onBeforeUnload;
    return () => {
      window.onbeforeunload = null;
    };
  }, [dirty]);

  return (
    <div className="app" data-testid="app">
      <ConnectionBanner />
      {linkNotice ? <div className="link-notice" role="alert" data-testid="link-notice">{linkNotice}</div> : null}
      <SplitPane id="sidebar" direction="row" initial={320} min={220} max={700}>
        <Sidebar />
        <main className="main" data-testid="main">
          <CassetteView />
          {docReady ? null : <HelpButton />}
        </main>
      </SplitPane>
      {ui.quickOpenOpen ? <QuickOpen /> : null}
      {ui.shortcutsOpen ? <ShortcutsOverlay /> : null}
      {pickerOpen && docReady ? <ComparePicker /> : null}
    </div>
  );
}
