// Finds the Chromium the e2e tests drive. Playwright would download its own browser build, which
// this project never does (machines behind a registry-only network cannot, and a system
// browser is what users have): so we look for one that is installed, and on a Debian or Ubuntu
// machine where we run as root we install Debian's package, saying so in one line. Debian's
// headless shell comes first: it is the same Chromium without the desktop browser around it
// (what Playwright itself runs headless), and the e2e run costs ~20% less CPU in it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where a Chromium may be, in order of preference. CHROMIUM_PATH wins, then the distribution's
 * headless shell, then its full package, then a Chromium that Playwright's own installer left in
 * its cache, then Google Chrome.
 * @param {{ env?: Record<string, string | undefined>, platform?: string, home?: string }} [o]
 * @returns {{ path: string, source: string }[]}
 */
export function chromiumCandidates({ env = process.env, platform = process.platform, home = homedir() } = {}) {
  const out = [];
  if (env.CHROMIUM_PATH) out.push({ path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' });
  if (platform === 'linux') {
    out.push({ path: '/usr/bin/chromium-headless-shell', source: 'system headless shell' });
    for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium']) out.push({ path: p, source: 'system package' });
  }
  const cache = env.PLAYWRIGHT_BROWSERS_PATH || (platform === 'darwin' ? join(home, 'Library/Caches/ms-playwright') : platform === 'win32' ? join(env.LOCALAPPDATA ?? home, 'ms-playwright') : join(home, '.cache/ms-playwright'));
  for (const p of playwrightCached(cache, platform)) out.push({ path: p, source: 'Playwright cache' });
  if (platform === 'linux') {
    for (const p of ['/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome']) out.push({ path: p, source: 'Google Chrome' });
  } else if (platform === 'darwin') {
    out.push({ path: '/Applications/Chromium.app/Contents/MacOS/Chromium', source: 'system package' });
    out.push({ path: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', source: 'Google Chrome' });
  } else if (platform === 'win32') {
    for (const base of [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(Boolean)) {
      out.push({ path: join(base, 'Google/Chrome/Application/chrome.exe'), source: 'Google Chrome' });
    }
  }
  return out;
}

/** Full Chromium builds in Playwright's cache, newest revision first (headless shells can't take screenshots of the whole UI the same way). */
function playwrightCached(cache, platform) {
  let dirs;
  try {
    dirs = readdirSync(cache).filter((d) => /^chromium-\d+$/.test(d));
  } catch {
    return [];
  }
  dirs.sort((a, b) => Number(b.slice(9)) - Number(a.slice(9)));
  const inner =
    platform === 'darwin'
      ? ['chrome-mac/Chromium.app/Contents/MacOS/Chromium', 'chrome-mac-arm64/Chromium.app/Contents/MacOS/Chromium']
      : platform === 'win32'
        ? ['chrome-win/chrome.exe', 'chrome-win64/chrome.exe']
        : ['chrome-linux/chrome', 'chrome-linux64/chrome'];
  return dirs.flatMap((d) => inner.map((i) => join(cache, d, i)));
}

/**
 * The first candidate that exists and answers `--version` like a Chromium. Running it weeds out
 * wrappers that exist but cannot start here (Ubuntu's snap stub in a container, a broken install).
 * @param {{ candidates?: { path: string, source: string }[], runs?: (path: string) => boolean }} [o]
 * @returns {{ path: string, source: string } | null}
 */
export function findChromium({ candidates = chromiumCandidates(), runs = answersVersion } = {}) {
  for (const c of candidates) if (existsSync(c.path) && runs(c.path)) return c;
  return null;
}

function answersVersion(path) {
  const r = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  return r.status === 0 && /chrom/i.test(r.stdout);
}

/**
 * What to do when no Chromium is found: install Debian's package when we may (root, apt, a
 * Debian-family OS), otherwise stop with one line that says how to get one.
 * @param {{ uid?: number, osRelease?: string, hasApt?: boolean }} o
 * @returns {{ action: 'install' } | { action: 'stop', message: string }}
 */
export function whenMissing({ uid, osRelease, hasApt }) {
  const family = /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease ?? '');
  if (uid === 0 && family && hasApt) return { action: 'install' };
  const how = family ? 'sudo apt-get install -y chromium-headless-shell (or chromium)' : 'install Chromium or Google Chrome from your system\'s packages';
  return { action: 'stop', message: `No Chromium found for the e2e tests: ${how}, or set CHROMIUM_PATH to a Chromium or Chrome binary (no browser is ever downloaded).` };
}

/**
 * Finds a Chromium, installing Debian's when allowed; returns its path, or throws an Error whose
 * message is the one line to print.
 * @returns {string}
 */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found.path;
  if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not a Chromium that starts (it does not exist or \`--version\` failed).`);
  let osRelease = '';
  try {
    osRelease = readFileSync('/etc/os-release', 'utf8');
  } catch {
    // not Linux, or a minimal image: whenMissing says how to get a browser
  }
  const plan = whenMissing({ uid: process.getuid?.(), osRelease, hasApt: existsSync('/usr/bin/apt-get') });
  if (plan.action === 'stop') throw new Error(plan.message);
  // Ubuntu's archive has no headless shell (and its `chromium` is a snap stub), so the full
  // package is the fallback when apt cannot find the shell.
  console.log("No Chromium found: installing Debian's chromium-headless-shell package for the e2e tests (apt-get install -y chromium-headless-shell)…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...args) => spawnSync('apt-get', args, { encoding: 'utf8', env });
  const update = apt('update', '-qq');
  if (update.status !== 0) throw new Error(`apt-get update failed: ${lastLine(update)}`);
  const shell = apt('install', '-y', '-qq', 'chromium-headless-shell');
  if (shell.status !== 0) {
    console.log(`chromium-headless-shell could not be installed (${lastLine(shell)}): installing chromium instead…`);
    const full = apt('install', '-y', '-qq', 'chromium');
    if (full.status !== 0) throw new Error(`apt-get install -y chromium failed: ${lastLine(full)}`);
  }
  const after = findChromium();
  if (!after) throw new Error("Debian's Chromium package installed, but no working /usr/bin/chromium-headless-shell or /usr/bin/chromium was found.");
  return after.path;
}

const lastLine = (r) => (r.stderr || r.stdout || '').trim().split('\n').pop();
