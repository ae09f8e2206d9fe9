/**
 * Focus for a modal dialog: it moves into the dialog when it opens (`target`, else the dialog
 * itself) and goes back to where it was when the dialog closes, so a keyboard user is never
 * left on the page body or behind the overlay. Tab stays inside: the dialogs here have one
 * field at most, so Tab has nowhere else to go.
 */
import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

export function useDialogFocus<T extends HTMLElement>(target?: RefObject<HTMLElement | null>) {
  const dialog = useRef<T>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    (target?.current ?? dialog.current)?.focus();
    return () => {
      if (before?.isConnected) before.focus();
    };
    // Once per opening: the refs are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Tab') e.preventDefault();
  };
  return { ref: dialog, onKeyDown };
}
