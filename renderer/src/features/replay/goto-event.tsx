/** Mod+G: type an event number (as the scrubber counts them, from 1) and go there. */
import { useState } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/store-context';

export function GotoEvent({ length }: { length: number }) {
  const store = useAppStoreApi();
  const open = useAppStore((s) => s.gotoEventOpen);
  const [value, setValue] = useState('');
  if (!open) return null;
  const close = () => {
    setValue('');
    store.getState().setGotoEventOpen(false);
  };
  const n = Number(value);
  const valid = /^\d+$/.test(value) && n >= 1 && n <= length;
  return (
    <form
      className="goto-event"
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        store.getState().step(0); // stops playback like the other stepping keys
        store.getState().seek(n - 1);
        close();
      }}
    >
      <label>
        Go to event{' '}
        <input
          autoFocus
          inputMode="numeric"
          value={value}
          onChange={(e) => setValue(e.target.value.trim())}
          onBlur={close}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            close();
          }}
          placeholder={`1–${length}`}
          aria-invalid={value !== '' && !valid}
          data-testid="goto-event-input"
        />
      </label>
      {value !== '' && !valid ? <span className="muted">1 to {length}</span> : null}
    </form>
  );
}
