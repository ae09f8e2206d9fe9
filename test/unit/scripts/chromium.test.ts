/**
 * npm test's Chromium finder: the order it looks in, that it runs what it finds (a path that
 * exists but does not start is passed over), and what it does when there is none. The stand-in
 * browsers are real executables in a temp folder, run for real.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumCandidates, findChromium, whenMissing } from '../../../scripts/chromium.mjs';

function executable(dir: string, name: string, script: string): string {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, `#!/bin/sh\n${script}\n`);
  chmodSync(p, 0o755);
  return p;
}

describe('chromium finder', () => {
  it('looks at CHROMIUM_PATH first, then the system headless shell and package, then Playwright\'s cache (newest first), then Chrome', () => {
    const home = mkdtempSync(join(tmpdir(), 'td-chromium-'));
    for (const rev of ['1100', '1208', '990']) mkdirSync(join(home, '.cache/ms-playwright', `chromium-${rev}`), { recursive: true });
    mkdirSync(join(home, '.cache/ms-playwright/chromium_headless_shell-1208'), { recursive: true });
    const c = chromiumCandidates({ env: { CHROMIUM_PATH: '/opt/mine/chrome' }, platform: 'linux', home });
    expect(c[0]).toEqual({ path: '/opt/mine/chrome', source: 'CHROMIUM_PATH' });
    expect(c[1]).toEqual({ path: '/usr/bin/chromium-headless-shell', source: 'system headless shell' });
    expect(c[2]).toEqual({ path: '/usr/bin/chromium', source: 'system package' });
    const cached = c.filter((x) => x.source === 'Playwright cache').map((x) => x.path.slice(home.length));
    expect(cached[0]).toBe('/.cache/ms-playwright/chromium-1208/chrome-linux/chrome');
    expect(cached.map((p) => /chromium-(\d+)/.exec(p)![1])).toEqual(['1208', '1208', '1100', '1100', '990', '990']);
    expect(c.at(-1)!.source).toBe('Google Chrome');
    expect(chromiumCandidates({ env: {}, platform: 'linux', home })[0].source).toBe('system headless shell');
  });

  it('takes the first candidate that exists and answers --version like a Chromium', () => {
    const dir = mkdtempSync(join(tmpdir(), 'td-chromium-'));
    const broken = executable(dir, 'broken/chrome', 'exit 1');
    const wrong = executable(dir, 'wrong/chrome', 'echo "Firefox 140"');
    const good = executable(dir, 'good/chrome', 'echo "Chromium 156.0.8078.73 built on Debian"');
    const candidates = [join(dir, 'missing/chrome'), broken, wrong, good].map((path) => ({ path, source: 'test' }));
    expect(findChromium({ candidates })).toEqual({ path: good, source: 'test' });
    expect(findChromium({ candidates: candidates.slice(0, 3) })).toBeNull();
  });

  it('finds this machine\'s Chromium when one is installed where users have it', () => {
    const installed = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(existsSync);
    const found = findChromium({ candidates: chromiumCandidates({ env: {} }) });
    // Where a system Chromium exists (CI installs Debian's headless shell), the finder must
    // pick the first of them: the shell when it is there.
    if (installed.length) expect(found?.path).toBe(installed[0]);
    else expect(found === null || !found.source.startsWith('system')).toBe(true);
  });

  it('installs Debian\'s package only as root on a Debian-family system with apt; otherwise says how', () => {
    const debian = 'PRETTY_NAME="Debian GNU/Linux 12"\nID=debian\n';
    const ubuntu = 'ID=ubuntu\nID_LIKE=debian\n';
    expect(whenMissing({ uid: 0, osRelease: debian, hasApt: true })).toEqual({ action: 'install' });
    expect(whenMissing({ uid: 0, osRelease: ubuntu, hasApt: true })).toEqual({ action: 'install' });
    const user = whenMissing({ uid: 1000, osRelease: debian, hasApt: true });
    expect(user).toMatchObject({ action: 'stop' });
    expect(user.action === 'stop' && user.message).toContain('sudo apt-get install -y chromium-headless-shell (or chromium)');
    const fedora = whenMissing({ uid: 0, osRelease: 'ID=fedora\n', hasApt: false });
    expect(fedora.action === 'stop' && fedora.message).toMatch(/CHROMIUM_PATH.*no browser is ever downloaded/);
    expect(whenMissing({ uid: 0, osRelease: debian, hasApt: false }).action).toBe('stop');
  });
});
