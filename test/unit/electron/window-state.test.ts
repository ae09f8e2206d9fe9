import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_WINDOW_STATE, loadWindowState, saveWindowState } from '../../../main/electron/window-state';

describe('window state', () => {
  it('round-trips through the config dir', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tapedeck-ws-'));
    expect(loadWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE);
    await saveWindowState(dir, { x: 10, y: 20, width: 1200, height: 800, maximized: true });
    expect(loadWindowState(dir)).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: true });
  });

  it('falls back or clamps on a broken or absurd file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tapedeck-ws-'));
    writeFileSync(join(dir, 'window-state.json'), '{"width": 5, "heigh');
    expect(loadWindowState(dir)).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(join(dir, 'window-state.json'), JSON.stringify({ width: 3, height: 1e9, x: 'a' }));
    expect(loadWindowState(dir)).toEqual({ width: 800, height: 10_000, maximized: false });
  });
});
