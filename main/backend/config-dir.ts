import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where recent folders, window state and the index cache live. TAPEDECK_CONFIG_DIR wins so
 * tests and CI never touch the real user's config.
 */
export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.TAPEDECK_CONFIG_DIR) return env.TAPEDECK_CONFIG_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Tapedeck');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Tapedeck');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'tapedeck');
}
