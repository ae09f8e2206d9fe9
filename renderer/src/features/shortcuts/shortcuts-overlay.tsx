import { Kbd } from '../../components/kbd';
import { useDialogFocus } from '../../components/use-dialog-focus';
import { useAppStoreApi } from '../../store/store-context';
import { SHORTCUTS } from './keymap';

/** The `?` overlay, generated from the keymap table. */
export function ShortcutsOverlay() {
  const store = useAppStoreApi();
  const groups = [...new Set(SHORTCUTS.map((s) => s.group))];
  const focus = useDialogFocus<HTMLDivElement>();
  return (
    <div className="overlay" onClick={() => store.getState().setShortcutsOpen(false)} data-testid="shortcuts-overlay">
      {/* Focusable: it takes focus on open, and its arrow keys scroll the list when it overflows. */}
      <div ref={focus.ref} tabIndex={0} onKeyDown={focus.onKeyDown} className="dialog" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" onClick={(e) => e.stopPropagation()} data-testid="shortcuts-dialog">
        <h2>Keyboard shortcuts</h2>
        <div className="shortcut-groups">
          {groups.map((g) => (
            <section key={g}>
              <h3>{g}</h3>
              <dl>
                {SHORTCUTS.filter((s) => s.group === g).map((s) => (
                  <div key={s.id} className="shortcut">
                    <dt>{s.keys.map((k) => <Kbd key={k} k={k} />)}</dt>
                    <dd>{s.label}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
        <p className="muted" data-testid="numbering-note">
          Numbering: interactions are <b>#0, #1…</b> as stored in the file (go-vcr&apos;s <code>id</code>); events and tool calls are counted from 1 (&ldquo;event 3 / 46&rdquo;, &ldquo;call 1 of 2&rdquo;).
        </p>
        <p className="muted">Press <Kbd k="Escape" /> to close.</p>
      </div>
    </div>
  );
}

/** Opens the overlay: floating while no cassette is open, in the tab bar otherwise. */
export function HelpButton() {
  const store = useAppStoreApi();
  return (
    <button type="button" className="help-button" onClick={() => store.getState().setShortcutsOpen(true)} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts" data-testid="help-button">?</button>
  );
}
