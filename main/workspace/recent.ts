/** Recently opened folders, most recent first, in `<configDir>/recent.json`. */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicWriteFile } from '../fs/atomic-write';

const MAX_RECENT = 12;

export async function readRecent(configDir: string): Promise<string[]> {
  try {
    const data: unknown = JSON.parse(await readFile(join(configDir, 'recent.json'), 'utf8'));
    const list = (data as { folders?: unknown })?.folders;
    return Array.isArray(list) ? list.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

export async function rememberRecent(configDir: string, folder: string): Promise<string[]> {
  const list = [folder, ...(await readRecent(configDir)).filter((f) => f !== folder)].slice(0, MAX_RECENT);
  await mkdir(configDir, { recursive: true });
  await atomicWriteFile(join(configDir, 'recent.json'), JSON.stringify({ folders: list }, null, 2));
  return list;
}
