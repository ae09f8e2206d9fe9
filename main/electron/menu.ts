import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/api/contract';

export type ThemeSource = 'system' | 'light' | 'dark';

export interface MenuActions {
  openFolder(): void;
  openRecent(path: string): void;
  closeFolder(): void;
  /** Sets Electron's nativeTheme source: the renderer follows prefers-color-scheme. */
  setTheme(theme: ThemeSource): void;
  command(cmd: AppCommand['command']): void;
  about(): void;
}

/** The application menu as data, so it can be checked without Electron. */
export function menuTemplate(actions: MenuActions, recent: string[], isMac: boolean, theme: ThemeSource = 'system'): MenuItemConstructorOptions[] {
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: () => actions.openFolder() },
        {
          label: 'Open Recent',
          submenu: recent.length
            ? recent.map((p) => ({ label: p, click: () => actions.openRecent(p) }))
            : [{ label: 'No recent folders', enabled: false }],
        },
        { label: 'Close Folder', click: () => actions.closeFolder() },
        { type: 'separator' },
        { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => actions.command('save') },
        { label: 'Revert', click: () => actions.command('revert') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        {
          label: 'Theme',
          submenu: (['system', 'light', 'dark'] as const).map((t) => ({
            label: t === 'system' ? 'Follow System' : t === 'light' ? 'Light' : 'Dark',
            type: 'radio' as const,
            checked: theme === t,
            click: () => actions.setTheme(t),
          })),
        },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'help',
      submenu: [
        { label: 'Keyboard Shortcuts', accelerator: 'Shift+/', click: () => actions.command('shortcuts') },
        { label: 'About Tapedeck', click: () => actions.about() },
      ],
    },
  ];
}
