import { displayKey } from '../features/shortcuts/keymap';

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function Kbd({ k }: { k: string }) {
  return <kbd className="kbd">{displayKey(k, isMac)}</kbd>;
}
