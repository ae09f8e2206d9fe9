#!/usr/bin/env node
// The `tapedeck` command: runs the bundled CLI, which `npm run build` (or `npm start`) creates.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/main/cli.mjs', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('tapedeck: not built yet. Run `npm run build` in the Tapedeck folder first.\n');
  process.exit(1);
}
await import(cli);
