/** System / light / dark, remembered across reloads (lib/theme.ts). */
import { useState } from 'react';
import { loadThemePref, setThemePref, type ThemePref } from '../lib/theme';

export function ThemeSelect() {
  const [pref, setPref] = useState<ThemePref>(loadThemePref);
  return (
    <select
      className="theme-select"
      value={pref}
      aria-label="Colour theme"
      title="Colour theme"
      data-testid="theme-select"
      onChange={(e) => {
        const next = e.target.value as ThemePref;
        setPref(next);
        setThemePref(next);
      }}
    >
      <option value="system">◐ System</option>
      <option value="light">☀ Light</option>
      <option value="dark">☾ Dark</option>
    </select>
  );
}
