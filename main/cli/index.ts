/**
 * The `tapedeck` command. Every subcommand returns an exit code: 0 done, 1 findings or errors
 * in the files, 2 bad usage (with the usage text).
 */
import { diffCommand } from './diff-command';
import { grepCommand } from './grep';
import { exportCommand } from './export-command';
import { inspectCommand } from './inspect-command';
import { lintCommand } from './lint';
import { matchCommand } from './match-command';
import { ExitError, processIo, UsageError, type CliIo } from './io';
import { redactCommand } from './redact';
import { replayCommand } from './replay-command';
import { serveCommand } from './serve-command';
import { USAGE } from './usage';
import { appVersion } from '../backend/app-paths';

type Command = (argv: string[], io: CliIo) => Promise<number>;

export const commands: Record<string, Command> = {
  serve: serveCommand,
  inspect: inspectCommand,
  redact: (argv, io) => redactCommand(argv, io),
  lint: (argv, io) => lintCommand(argv, io),
  grep: grepCommand,
  match: matchCommand,
  replay: replayCommand,
  diff: diffCommand,
  export: exportCommand,
};

export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${appVersion()}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`tapedeck: unknown command '${name}'\n\n${USAGE}`);
    return 2;
  }
  if (rest.includes('--help')) {
    io.stdout(USAGE);
    return 0;
  }
  try {
    return await command(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`tapedeck ${name}: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr(`tapedeck ${name}: ${(err as Error).message}\n`);
    return err instanceof ExitError ? err.exitCode : 1;
  }
}
