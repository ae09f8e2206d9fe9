// Entry of the bundled CLI (app/dist/main/cli.mjs).
import { runCli } from './index';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`tapedeck: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
