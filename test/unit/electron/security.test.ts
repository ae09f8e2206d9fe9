import { describe, expect, it } from 'vitest';
import { secureWindowOptions } from '../../../main/electron/window-options';
import { isTrustedSender, registerIpc, type IpcMainLike } from '../../../main/electron/ipc';
import { channelOf, type Handlers } from '../../../shared/api/contract';
import { BASE_CSP, contentSecurityPolicy } from '../../../main/server/csp';
import { APP_INDEX_URL } from '../../../main/electron/app-protocol';
import { droppedPath, withCsp } from '../../../main/electron/navigation';
import { menuTemplate } from '../../../main/electron/menu';

const INDEX = APP_INDEX_URL;

describe('Electron window hardening (checklist items testable without the binary)', () => {
  it('isolates, sandboxes and disables node in every context', () => {
    const wp = secureWindowOptions('/x/preload.cjs').webPreferences!;
    expect(wp).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/x/preload.cjs',
    });
  });

  it('has a strict CSP: no eval, no inline script or style element, no remote origins', () => {
    for (const csp of [BASE_CSP, contentSecurityPolicy('n0nce')]) {
      const script = /script-src ([^;]+)/.exec(csp)![1].trim();
      expect(script).toBe("'self'");
      expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
      expect(csp).toMatch(/object-src 'none'/);
      // Inline style is allowed for attributes only (Monaco's view lines); elements need the nonce.
      expect(csp.split('; ').filter((d) => d.includes('unsafe-inline'))).toEqual(["style-src-attr 'unsafe-inline'"]);
    }
    expect(contentSecurityPolicy('n0nce')).toMatch(/style-src-elem 'self' 'nonce-n0nce'(;|$)/);
    expect(BASE_CSP).toMatch(/style-src-elem 'self'(;|$)/);
  });

  it('pins a CSP on responses without one, and keeps the one the app:// handler sent', () => {
    expect(withCsp({ 'Content-Type': ['text/html'] }, BASE_CSP)).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [BASE_CSP] });
    expect(withCsp(undefined, BASE_CSP)).toEqual({ 'Content-Security-Policy': [BASE_CSP] });
    const own = { 'content-security-policy': [contentSecurityPolicy('abc')] };
    expect(withCsp(own, BASE_CSP)).toBe(own);
  });

  it('turns a dropped file:// navigation into a path, and refuses every other navigation', () => {
    expect(droppedPath('file:///home/me/cassettes')).toBe('/home/me/cassettes');
    expect(droppedPath('file:///home/me/a%20b.yaml')).toBe('/home/me/a b.yaml');
    expect(droppedPath('file://server/share/x.yaml')).toBeNull();
    expect(droppedPath(APP_INDEX_URL)).toBeNull();
    expect(droppedPath('https://evil.example/')).toBeNull();
  });

  it('only answers IPC from our own top-level app:// frame', async () => {
    expect(isTrustedSender({ url: INDEX, parent: null }, INDEX)).toBe(true);
    expect(isTrustedSender({ url: 'app://tapedeck/', parent: null }, INDEX)).toBe(true);
    expect(isTrustedSender({ url: 'https://evil.example/index.html', parent: null }, INDEX)).toBe(false);
    expect(isTrustedSender({ url: 'https://tapedeck/index.html', parent: null }, INDEX)).toBe(false);
    expect(isTrustedSender({ url: 'app://evil/index.html', parent: null }, INDEX)).toBe(false);
    expect(isTrustedSender({ url: 'file:///opt/tapedeck/app/dist/renderer/index.html', parent: null }, INDEX)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/evil.html', parent: null }, INDEX)).toBe(false);
    expect(isTrustedSender({ url: INDEX, parent: {} }, INDEX)).toBe(false);
    expect(isTrustedSender(null, INDEX)).toBe(false);

    const registered = new Map<string, (e: { senderFrame: { url: string; parent: unknown } | null }, ...a: unknown[]) => Promise<unknown>>();
    const ipcMain: IpcMainLike = { handle: (c, h) => registered.set(c, h), removeHandler: () => {} };
    let called = 0;
    const handlers = { getAppInfo: async () => { called++; return { name: 'Tapedeck' }; } } as unknown as Handlers;
    registerIpc(ipcMain, handlers, INDEX);
    const h = registered.get(channelOf('getAppInfo'))!;
    expect(await h({ senderFrame: { url: 'https://evil.example/', parent: null } })).toMatchObject({ ok: false, error: { code: 'ipc.untrusted-sender' } });
    expect(called).toBe(0);
    expect(await h({ senderFrame: { url: INDEX, parent: null } })).toEqual({ ok: true, value: { name: 'Tapedeck' } });
  });

  it('menu has the File actions the desktop app promises', () => {
    const cmds: string[] = [];
    const t = menuTemplate(
      { openFolder: () => cmds.push('open'), openRecent: (p) => cmds.push(`recent:${p}`), closeFolder: () => cmds.push('close'), setTheme: (x) => cmds.push(`theme:${x}`), command: (c) => cmds.push(c), about: () => {} },
      ['/a'],
      false,
      'dark',
    );
    const file = t[0].submenu as { label?: string; click?: () => void; submenu?: { label: string; click: () => void }[] }[];
    expect(file.map((i) => i.label).filter(Boolean)).toEqual(['Open Folder…', 'Open Recent', 'Close Folder', 'Save', 'Revert']);
    file.find((i) => i.label === 'Save')!.click!();
    file.find((i) => i.label === 'Open Recent')!.submenu![0].click();
    const view = t.find((m) => m.label === '&View')!.submenu as { label?: string; submenu?: { label: string; checked: boolean; click: () => void }[] }[];
    const themes = view.find((i) => i.label === 'Theme')!.submenu!;
    expect(themes.map((x) => [x.label, x.checked])).toEqual([['Follow System', false], ['Light', false], ['Dark', true]]);
    themes[1].click();
    file.find((i) => i.label === 'Close Folder')!.click!();
    expect(cmds).toEqual(['save', 'recent:/a', 'theme:light', 'close']);
  });
});
