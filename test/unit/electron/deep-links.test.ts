/** tapedeck:// links in the desktop shell: validated, and a folder opens only when known or confirmed. */
import { mkdirSync, mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { followAppLink, isAppLink, type LinkDeps } from '../../../main/electron/deep-links';
import { formatAppLink, type DeepLink } from '../../../shared/links/deep-link';

const base = realpathSync(mkdtempSync(join(tmpdir(), 'tapedeck-links-')));
const folder = join(base, 'cassettes');
mkdirSync(folder);

function deps(open: string[], recent: string[], answer: boolean) {
  const log = { asked: [] as string[], opened: [] as string[], delivered: [] as DeepLink[] };
  const d: LinkDeps = {
    openRoots: async () => open,
    recentFolders: async () => recent,
    confirmOpen: async (f) => (log.asked.push(f), answer),
    openPath: async (p) => log.opened.push(p),
    deliver: (l) => log.delivered.push(l),
  };
  return { d, log };
}

const link: DeepLink = { folder, file: 'a/b.yaml', interaction: 1, event: 25 };

describe('followAppLink', () => {
  it('delivers a link into an open folder without opening anything', async () => {
    const { d, log } = deps([folder], [], false);
    expect(await followAppLink(formatAppLink(link), d)).toBe('delivered');
    expect(log).toEqual({ asked: [], opened: [], delivered: [link] });
  });

  it('opens a recent folder without asking, and asks for any other', async () => {
    const recent = deps([], [folder], false);
    expect(await followAppLink(formatAppLink(link), recent.d)).toBe('delivered');
    expect(recent.log.opened).toEqual([folder]);
    const unknown = deps([], [], false);
    expect(await followAppLink(formatAppLink(link), unknown.d)).toBe('declined');
    expect(unknown.log).toEqual({ asked: [folder], opened: [], delivered: [] });
    const yes = deps([], [], true);
    expect(await followAppLink(formatAppLink(link), yes.d)).toBe('delivered');
    expect(yes.log.opened).toEqual([folder]);
  });

  it('refuses malformed links and folders that do not exist, touching nothing', async () => {
    const { d, log } = deps([], [], true);
    expect(await followAppLink('tapedeck://open?folder=%2Ftmp&file=..%2Fx', d)).toBe('invalid');
    expect(await followAppLink('tapedeck://run?cmd=rm', d)).toBe('invalid');
    expect(await followAppLink(formatAppLink({ ...link, folder: join(base, 'missing') }), d)).toBe('not-found');
    expect(log).toEqual({ asked: [], opened: [], delivered: [] });
  });

  it('tells links from paths on the command line', () => {
    expect(isAppLink('tapedeck://open?folder=%2F&file=a')).toBe(true);
    expect(isAppLink('TAPEDECK://open')).toBe(true);
    expect(isAppLink('/home/ana/tapedeck')).toBe(false);
  });
});
