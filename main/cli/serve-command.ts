import { spawn } from 'node:child_process';
import { createBackend, type Backend } from '../backend/backend';
import { rendererDir, samplesDir } from '../backend/app-paths';
import { defaultConfigDir } from '../backend/config-dir';
import { startHttpServer, type RunningServer } from '../server/http-server';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from './args';
import { ExitError, UsageError, type CliIo } from './io';

export interface ServeHandle {
  server: RunningServer;
  backend: Backend;
  stop(): Promise<void>;
}

/** Starts backend + HTTP server; resolves once listening (the initial scan continues behind). */
export async function startServe(argv: string[], io: CliIo, env = process.env): Promise<ServeHandle> {
  const args = parseArgs(argv, { values: ['port'], booleans: ['no-open'] });
  const port = args.values.port === undefined ? 0 : Number(args.values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0..65535, got ${args.values.port}`);
  const token = fixedToken(env);
  const renderer = rendererDir();
  if (!existsSync(join(renderer, 'index.html'))) {
    throw new Error(`The renderer is not built (${renderer} is missing). Run \`npm run build\` first.`);
  }
  const paths = args.positionals.length ? args.positionals.map((p) => resolve(io.cwd, p)) : [samplesDir()];
  const backend = await serveBackend(paths, defaultConfigDir(env));
  let server: RunningServer;
  try {
    server = await startHttpServer(backend, { port, rendererDir: renderer, ...token });
  } catch (err) {
    await backend.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new ExitError(2, `port ${port} on 127.0.0.1 is in use (another tapedeck serve?); pick another with --port N, or --port 0 for any free port`);
    if (code === 'EACCES') throw new ExitError(2, `port ${port} on 127.0.0.1 needs privileges; pick one above 1023 with --port N`);
    throw err;
  }
  io.stdout(`Tapedeck is serving ${paths.join(', ')} at ${server.url}\n`);
  if (!args.flags.has('no-open')) openBrowser(server.url, io);
  return {
    server,
    backend,
    async stop() {
      await server.close();
      await backend.close();
    },
  };
}

/** The backend serve runs: the given paths opened, then nothing else may be opened. */
export async function serveBackend(paths: string[], configDir: string, workerCount?: number): Promise<Backend> {
  const backend = createBackend({ configDir, shell: 'browser', workerCount });
  for (const p of paths) await backend.handlers.openPath(p);
  await backend.confineToOpenFolders();
  return backend;
}

/**
 * For tests only (undocumented in --help): TAPEDECK_SERVE_TOKEN fixes the per-launch token, so
 * an e2e test can stop and restart serve on the same --port and see an open tab reconnect.
 * Never set it in normal use: a token that outlives one launch defeats its purpose.
 */
function fixedToken(env: NodeJS.ProcessEnv): { token?: string } {
  const token = env.TAPEDECK_SERVE_TOKEN;
  if (token === undefined || token === '') return {};
  // The token is a URL path segment: keep it to the alphabet newToken() uses, and long.
  if (!/^[A-Za-z0-9_-]{20,}$/.test(token)) throw new UsageError('TAPEDECK_SERVE_TOKEN must be at least 20 characters of A-Z a-z 0-9 _ -');
  return { token };
}

function openBrowser(url: string, io: CliIo): void {
  const [cmd, cmdArgs] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, cmdArgs as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => io.stderr(`Could not open a browser; open the URL above yourself.\n`));
    child.unref();
  } catch {
    io.stderr(`Could not open a browser; open the URL above yourself.\n`);
  }
}

export async function serveCommand(argv: string[], io: CliIo): Promise<number> {
  const handle = await startServe(argv, io);
  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  // A second Ctrl+C, or a shutdown that hangs (a stuck worker, a socket that never closes),
  // must not leave the port taken: exit anyway.
  const force = () => process.exit(130);
  process.once('SIGINT', force);
  process.once('SIGTERM', force);
  setTimeout(() => {
    io.stderr('Tapedeck did not shut down within 5 s; exiting anyway.\n');
    process.exit(1);
  }, 5_000).unref();
  await handle.stop();
  return 0;
}
