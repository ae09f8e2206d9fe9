/**
 * The hardened BrowserWindow options, as a pure function so tests can check every item of
 * Electron's security checklist without the Electron binary.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export function secureWindowOptions(preloadPath: string, bounds?: { x?: number; y?: number; width: number; height: number }): BrowserWindowConstructorOptions {
  return {
    width: bounds?.width ?? 1400,
    height: bounds?.height ?? 900,
    x: bounds?.x,
    y: bounds?.y,
    minWidth: 800,
    minHeight: 500,
    title: 'Tapedeck',
    show: false,
    backgroundColor: '#1e1f22',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Dropped files and folders become will-navigate events, which main refuses and opens.
      navigateOnDragDrop: true,
      spellcheck: false,
      // Middle-click would otherwise open links in a new window (electronegativity AUXCLICK).
      disableBlinkFeatures: 'Auxclick',
    },
  };
}
