/**
 * The Electron shell, kept thin on purpose: lifecycle, one hardened window, menus. Everything
 * else is the shared backend, which is tested in Node and through `tapedeck serve`.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, session } from 'electron';
import { join, resolve } from 'node:path';
import { channelOf, type EventName, type EventPayload } from '../../shared/api/contract';
import { createBackend } from '../backend/backend';
import { rendererDir, samplesDir } from '../backend/app-paths';
import { defaultConfigDir } from '../backend/config-dir';
import { registerIpc } from './ipc';
import { menuTemplate, type ThemeSource } from './menu';
import { BASE_CSP } from '../server/csp';
import { APP_INDEX_URL, APP_SCHEME, handleAppRequest } from './app-protocol';
import { droppedPath, withCsp } from './navigation';
import { followAppLink, isAppLink } from './deep-links';
import { APP_LINK_SCHEME } from '../../shared/links/deep-link';
import { secureWindowOptions } from './window-options';
import { loadWindowState, saveWindowState } from './window-state';

const args = (argv: string[]) => argv.slice(app.isPackaged ? 1 : 2).filter((a) => !a.startsWith('-'));
const argPaths = (argv: string[]) => args(argv).filter((a) => !isAppLink(a));
const argLinks = (argv: string[]) => args(argv).filter(isAppLink);

// Must happen before 'ready'. standard: relative URLs and an origin of its own; secure: a
// secure context like https; supportFetchAPI: module scripts, workers and fetch load from it.
// corsEnabled stays off, so no other origin can read app:// responses.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let win: BrowserWindow | null = null;
// macOS hands files and folders (Finder "Open With", Dock drops) over as open-file events,
// which can arrive before the app is ready.
let openLater: string[] | null = [];
let openNow: ((path: string) => void) | null = null;
app.on('open-file', (event, path) => {
  event.preventDefault();
  if (openNow) openNow(path);
  else openLater?.push(path);
});
// tapedeck:// links: macOS sends open-url (possibly before ready); elsewhere they come as argv.
let linksLater: string[] | null = [];
let linkNow: ((url: string) => void) | null = null;
app.on('open-url', (event, url) => {
  event.preventDefault();
  if (linkNow) linkNow(url);
  else linksLater?.push(url);
});
if (app.isPackaged) app.setAsDefaultProtocolClient(APP_LINK_SCHEME);
else if (process.argv[1]) app.setAsDefaultProtocolClient(APP_LINK_SCHEME, process.execPath, [resolve(process.argv[1])]);

// A second launch hands its paths to the first (see 'second-instance') and exits before it
// builds a backend of its own, so two processes never write the same config and cache.
if (!app.requestSingleInstanceLock()) app.exit(0);
else app.whenReady().then(async () => {
  const uiDir = rendererDir();
  protocol.handle(APP_SCHEME, (request) => handleAppRequest(request, uiDir));
  const configDir = defaultConfigDir();
  const backend = createBackend({
    configDir,
    shell: 'electron',
    chooseFolder: async () => {
      const r = await dialog.showOpenDialog({ properties: ['openDirectory', 'multiSelections'] });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
  });
  registerIpc(ipcMain, backend.handlers, APP_INDEX_URL);
  const send = <K extends EventName>(event: K, payload: EventPayload<K>) => win?.webContents.send(channelOf(event), payload);
  backend.subscribe(send);

  // Deny every permission (camera, notifications, …); any response without a CSP gets one.
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, cb) =>
    cb({ responseHeaders: withCsp(details.responseHeaders, BASE_CSP) }),
  );
  app.on('web-contents-created', (_e, contents) => {
    // Navigation is always refused. A folder or file dropped on the window arrives as a
    // navigation to its file:// URL (navigateOnDragDrop), which we turn into "open it".
    contents.on('will-navigate', (event, url) => {
      event.preventDefault();
      const dropped = droppedPath(url);
      if (dropped) void backend.handlers.openPath(dropped).catch(() => undefined);
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // The UI never needs a second window or an external page.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  const paths = [...argPaths(process.argv).map((p) => resolve(p)), ...(openLater ?? [])];
  openLater = null;
  openNow = (p) => void backend.handlers.openPath(p).catch(() => undefined);
  const links = [...argLinks(process.argv), ...(linksLater ?? [])];
  linksLater = null;
  for (const p of paths.length || links.length ? paths : [samplesDir()]) await backend.handlers.openPath(p);

  let theme: ThemeSource = 'system';
  const buildMenu = async () => {
    const recent = await backend.handlers.getRecentFolders();
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(
          {
            openFolder: async () => {
              const p = await backend.handlers.chooseFolder();
              if (p) await backend.handlers.openPath(p);
            },
            openRecent: (p) => void backend.handlers.openPath(p),
            closeFolder: async () => {
              const { roots } = await backend.handlers.getWorkspace();
              const last = roots[roots.length - 1];
              if (last) await backend.handlers.closeRoot(last.id);
            },
            setTheme: (t) => {
              theme = t;
              nativeTheme.themeSource = t;
              void buildMenu();
            },
            command: (command) => send('appCommand', { command }),
            about: () => void dialog.showMessageBox({ message: `Tapedeck ${app.getVersion()}` }),
          },
          recent,
          process.platform === 'darwin',
          theme,
        ),
      ),
    );
  };
  await buildMenu();
  backend.subscribe((event) => {
    if (event === 'workspaceChanged') void buildMenu();
  });

  const saved = loadWindowState(configDir);
  const options = secureWindowOptions(join(import.meta.dirname, 'preload.cjs'), saved);
  // The critical flags are restated at the construction site so static scanners see them.
  win = new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => {
    if (saved.maximized) win?.maximize();
    win?.show();
  });
  let saveTimer: NodeJS.Timeout | undefined;
  const rememberBounds = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      if (!win || win.isDestroyed()) return;
      void saveWindowState(configDir, { ...win.getNormalBounds(), maximized: win.isMaximized() });
    }, 500);
  };
  for (const ev of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(ev as 'resize', rememberBounds);
  // The renderer sets onbeforeunload while it holds unsaved edits; ask before discarding them.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win!, {
      type: 'warning',
      buttons: ['Discard changes and close', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: 'You have unsaved changes to a cassette.',
      detail: 'Closing now discards them.',
    });
    if (choice === 0) event.preventDefault();
  });
  await win.loadURL(APP_INDEX_URL);

  linkNow = (url) => {
    void followAppLink(url, {
      openRoots: async () => (await backend.handlers.getWorkspace()).roots.map((r) => r.path),
      recentFolders: () => backend.handlers.getRecentFolders(),
      confirmOpen: async (folder) => {
        const r = await dialog.showMessageBox(win!, { type: 'question', buttons: ['Open folder', 'Cancel'], defaultId: 0, cancelId: 1, message: 'A link asks to open a folder.', detail: folder });
        return r.response === 0;
      },
      openPath: (p) => backend.handlers.openPath(p),
      deliver: (link) => send('openLink', link),
    }).catch(() => undefined);
  };
  for (const url of links) linkNow(url);

  // A second launch with a path opens it here instead of starting another app.
  app.on('second-instance', (_e, argv) => {
    for (const p of argPaths(argv)) void backend.handlers.openPath(resolve(p));
    for (const url of argLinks(argv)) linkNow?.(url);
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('window-all-closed', () => {
    void backend.close().finally(() => app.quit());
  });
});
