/** Output sinks for CLI commands, so tests run commands in-process and read what they print. */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

export const processIo = (): CliIo => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
});

/** Exit code 2 = bad usage, the convention of every tapedeck subcommand. */
export class UsageError extends Error {}

/** A failure that needs its own exit code and one line, not the usage text (a port in use: 2). */
export class ExitError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}
