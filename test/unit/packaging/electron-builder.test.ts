import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
// electron-builder's own validator and JSON schema: the same check `electron-builder` runs first.
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration: (c: unknown, log: { isEnabled: boolean; add(): void }) => Promise<void>;
};
const noLog = { isEnabled: false, add() {} };
const config = parse(readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8'));

describe('electron-builder.yml', () => {
  it('passes electron-builder schema validation', async () => {
    await expect(validateConfiguration(config, noLog)).resolves.toBeUndefined();
  });

  it('a misspelt option fails the same validation (the check can fail)', async () => {
    await expect(validateConfiguration({ ...config, directoriez: {} }, noLog)).rejects.toThrow(/directoriez/);
  });

  it('sets directories.app explicitly so the top-level app/ folder is not taken as the app', () => {
    expect(config.directories.app).toBe('.');
    expect(config.directories.buildResources).toBe('app/build');
  });
});
