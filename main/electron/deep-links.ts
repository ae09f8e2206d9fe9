/**
 * tapedeck:// links, as the OS hands them over (second-instance argv on Windows/Linux,
 * open-url on macOS). A link comes from outside (a web page, a bug report), so it is parsed
 * strictly, never navigated to, and only opens a folder that is already open, was opened
 * before (recent folders), or that the person confirms. The renderer then gets the link as a
 * contract event and selects the file, interaction and event itself.
 */
import { realpath } from 'node:fs/promises';
import { APP_LINK_SCHEME, parseAppLink, type DeepLink } from '../../shared/links/deep-link';

export interface LinkDeps {
  openRoots(): Promise<string[]>;
  recentFolders(): Promise<string[]>;
  /** Asks the person whether to open a folder a link names; false = no. */
  confirmOpen(folder: string): Promise<boolean>;
  openPath(path: string): Promise<unknown>;
  deliver(link: DeepLink): void;
}

export type LinkOutcome = 'delivered' | 'invalid' | 'declined' | 'not-found';

export const isAppLink = (arg: string): boolean => arg.toLowerCase().startsWith(`${APP_LINK_SCHEME}:`);

export async function followAppLink(url: string, deps: LinkDeps): Promise<LinkOutcome> {
  const link = parseAppLink(url);
  if (!link) return 'invalid';
  const real = await realpath(link.folder).catch(() => null);
  const open = await deps.openRoots();
  if (!open.includes(link.folder) && !(real && open.includes(real))) {
    if (!real) return 'not-found';
    const recent = await deps.recentFolders();
    if (!recent.includes(real) && !(await deps.confirmOpen(real))) return 'declined';
    await deps.openPath(real);
  }
  deps.deliver(link);
  return 'delivered';
}
