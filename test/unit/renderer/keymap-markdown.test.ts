import { describe, expect, it } from 'vitest';
import { SHORTCUTS, actionFor, chordOf } from '../../../renderer/src/features/shortcuts/keymap';
import { renderMarkdown } from '../../../renderer/src/lib/markdown';
import { formatUsd } from '../../../renderer/src/lib/format';
import { laneGeometry, statusClass } from '../../../renderer/src/features/timeline/lanes';

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods,
});

describe('keymap', () => {
  it('maps keys to actions, with Ctrl and Cmd both as Mod', () => {
    expect(actionFor(key(' '))).toBe('playPause');
    expect(actionFor(key('ArrowRight'))).toBe('stepForward');
    expect(actionFor(key('ArrowRight', { shiftKey: true }))).toBe('stepForward10');
    expect(actionFor(key('p', { ctrlKey: true }))).toBe('quickOpen');
    expect(actionFor(key('p', { metaKey: true }))).toBe('quickOpen');
    expect(actionFor(key('?', { shiftKey: true }))).toBe('help');
    expect(actionFor(key('p'))).toBeUndefined();
    expect(chordOf(key('Home'))).toBe('Home');
  });

  it('has no two actions on the same key', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys.map((k) => k.toUpperCase()));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('markdown of model text', () => {
  it('escapes raw HTML instead of rendering it', () => {
    const html = renderMarkdown('Hello <img src=x onerror=alert(1)> and <script>alert(1)</script> **bold**');
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toContain('&lt;img');
    expect(html).toContain('<strong>bold</strong>');
  });

  it('drops javascript: links and turns images into links', () => {
    expect(renderMarkdown('[x](javascript:alert(1))')).not.toContain('href');
    const img = renderMarkdown('![cat](https://example.com/cat.png)');
    expect(img).not.toContain('<img');
    expect(img).toContain('href="https://example.com/cat.png"');
    expect(renderMarkdown('[ok](https://example.com)')).toContain('rel="noopener noreferrer"');
  });
});

describe('formatting and timeline geometry', () => {
  it('shows sub-cent costs as billed', () => {
    expect(formatUsd(0.0002324)).toBe('$0.0002324');
    expect(formatUsd(0.00045640000000000003)).toBe('$0.0004564');
    expect(formatUsd(0.000224)).toBe('$0.000224');
    expect(formatUsd(1.5)).toBe('$1.5');
    expect(formatUsd(null)).toBe('–');
  });

  it('lays interactions out as a waterfall and gives missing durations the median', () => {
    const lanes = laneGeometry([1000, null, 2000, 3000]);
    expect(lanes.map((l) => l.start)).toEqual([0, 1000 / 8000, 3000 / 8000, 5000 / 8000]);
    expect(lanes[1]).toMatchObject({ width: 2000 / 8000, estimated: true });
    expect(laneGeometry([null, null]).map((l) => l.width)).toEqual([0.5, 0.5]);
    expect(statusClass(429)).toBe('client-error');
    expect(statusClass(503)).toBe('server-error');
    expect(statusClass(null)).toBe('unknown');
  });
});
