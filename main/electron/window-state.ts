/**
 * Window size and position, remembered across launches in the config dir. Loading is
 * defensive: a hand-edited or truncated file falls back to defaults instead of a window
 * off-screen or zero-sized.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { atomicWriteFile } from '../fs/atomic-write';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1400, height: 900, maximized: false };

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function loadWindowState(configDir: string): WindowState {
  try {
    const raw = JSON.parse(readFileSync(join(configDir, 'window-state.json'), 'utf8')) as Partial<WindowState>;
    if (!finite(raw.width) || !finite(raw.height)) return DEFAULT_WINDOW_STATE;
    const state: WindowState = {
      width: Math.min(Math.max(Math.round(raw.width), 800), 10_000),
      height: Math.min(Math.max(Math.round(raw.height), 500), 10_000),
      maximized: raw.maximized === true,
    };
    if (finite(raw.x) && finite(raw.y)) {
      state.x = Math.round(raw.x);
      state.y = Math.round(raw.y);
    }
    return state;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

export async function saveWindowState(configDir: string, state: WindowState): Promise<void> {
  await atomicWriteFile(join(configDir, 'window-state.json'), JSON.stringify(state, null, 2) + '\n');
}
