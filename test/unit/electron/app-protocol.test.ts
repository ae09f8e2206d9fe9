import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_INDEX_URL, appRequestSegments, handleAppRequest, resolveAppFile } from '../../../main/electron/app-protocol';
import { NONCE_PLACEHOLDER } from '../../../main/server/csp';

// A real renderer folder on disk, with a secret beside it and symlinks pointing out.
let base: string;
let ui: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'tapedeck-app-protocol-'));
  ui = join(base, 'renderer');
  mkdirSync(join(ui, 'assets'), { recursive: true });
  writeFileSync(join(ui, 'index.html'), `<meta property="csp-nonce" nonce="${NONCE_PLACEHOLDER}"><script nonce="${NONCE_PLACEHOLDER}" src="./assets/a.js"></script>`);
  writeFileSync(join(ui, 'assets', 'a.js'), 'export {};');
  writeFileSync(join(ui, 'assets', 'a.css'), 'body{}');
  writeFileSync(join(ui, 'assets', 'codicon.ttf'), 'ttf');
  writeFileSync(join(ui, 'assets', 'x.unknown'), '?');
  writeFileSync(join(base, 'secret.txt'), 'secret');
  symlinkSync(join(base, 'secret.txt'), join(ui, 'assets', 'link-out.js'));
  symlinkSync(base, join(ui, 'dir-out'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handleAppRequest(new Request(url, { method }), ui);

describe('app:// serves the renderer folder and nothing else', () => {
  it('names files by plain segments only', () => {
    expect(appRequestSegments('app://tapedeck/')).toEqual(['index.html']);
    expect(appRequestSegments('app://tapedeck/assets/a.js?v=1#x')).toEqual(['assets', 'a.js']);
    expect(appRequestSegments('app://tapedeck/assets/a%20b.js')).toEqual(['assets', 'a b.js']);
    for (const bad of [
      'app://tapedeck/assets/..%2F..%2Fsecret.txt', // encoded slash: URL parsing keeps it as one segment
      'app://tapedeck/..%5Csecret.txt', // encoded backslash
      'app://tapedeck/assets//a.js', // empty segment
      'app://tapedeck/a%00.js',
      'app://tapedeck/%E0%A4%A', // malformed escape
      'app://other/index.html',
      'file:///etc/passwd',
      'https://tapedeck/index.html',
      'not a url',
    ]) {
      expect(appRequestSegments(bad), bad).toBeNull();
    }
    // `..` and `%2e%2e` are resolved by URL parsing itself and cannot climb above the root.
    expect(appRequestSegments('app://tapedeck/../../secret.txt')).toEqual(['secret.txt']);
    expect(appRequestSegments('app://tapedeck/%2e%2e/%2E%2E/secret.txt')).toEqual(['secret.txt']);
  });

  it('refuses symlinks that leave the folder, folders and missing files', async () => {
    expect(await resolveAppFile('app://tapedeck/assets/a.js', ui)).toMatchObject({ ok: true });
    expect(await resolveAppFile('app://tapedeck/assets/link-out.js', ui)).toEqual({ ok: false, status: 404 });
    expect(await resolveAppFile('app://tapedeck/dir-out/secret.txt', ui)).toEqual({ ok: false, status: 404 });
    expect(await resolveAppFile('app://tapedeck/assets', ui)).toEqual({ ok: false, status: 404 });
    expect(await resolveAppFile('app://tapedeck/secret.txt', ui)).toEqual({ ok: false, status: 404 });
    expect(await resolveAppFile('app://tapedeck/assets/..%2F..%2Fsecret.txt', ui)).toEqual({ ok: false, status: 400 });
  });

  it('answers with the right types, and never with the secret beside the folder', async () => {
    const types = await Promise.all(['assets/a.js', 'assets/a.css', 'assets/codicon.ttf', 'assets/x.unknown'].map(async (f) => (await get(`app://tapedeck/${f}`)).headers.get('content-type')));
    expect(types).toEqual(['text/javascript; charset=utf-8', 'text/css; charset=utf-8', 'font/ttf', 'application/octet-stream']);
    expect(await (await get('app://tapedeck/assets/a.js')).text()).toBe('export {};');
    for (const url of ['app://tapedeck/assets/link-out.js', 'app://tapedeck/../secret.txt', 'app://tapedeck/dir-out/secret.txt', 'app://tapedeck/assets/..%2F..%2Fsecret.txt']) {
      const r = await get(url);
      expect(r.status, url).toBeGreaterThanOrEqual(400);
      expect(await r.text()).not.toContain('secret');
    }
    expect((await get(APP_INDEX_URL, 'POST')).status).toBe(405);
  });

  it('gives each load of the page a fresh nonce, the same in the page and in its CSP', async () => {
    const nonces = await Promise.all([1, 2].map(async () => {
      const r = await get(APP_INDEX_URL);
      const csp = r.headers.get('content-security-policy')!;
      const nonce = /style-src-elem 'self' 'nonce-([^']+)'/.exec(csp)![1];
      const html = await r.text();
      expect(html).not.toContain(NONCE_PLACEHOLDER);
      expect(html.split(`nonce="${nonce}"`)).toHaveLength(3);
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      return nonce;
    }));
    expect(nonces[0]).not.toBe(nonces[1]);
    // Other files carry the policy without any nonce.
    expect((await get('app://tapedeck/assets/a.js')).headers.get('content-security-policy')).not.toMatch(/nonce/);
  });
});
