/**
 * Where the index worker's code lives.
 *
 * 1. Production: the build bundles index-worker.ts next to the main bundle as
 *    `index-worker.js`, so we resolve it relative to the running module.
 * 2. Running the TypeScript sources (vitest, tsx): there is no .js next to us, and a worker
 *    cannot load .ts. We bundle index-worker.ts with esbuild once per process into a temp
 *    .mjs and run that, so tests exercise the real worker path, not a stand-in.
 * 3. If neither works (no esbuild at runtime), the pool parses in-thread: slower and it
 *    blocks the event loop, but the app still works.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type * as Esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface WorkerScript {
  url: URL;
  /** Changes whenever the indexing code changes: part of the summary cache key. */
  engineId: string;
}

declare const __filename: string | undefined;
type EsbuildModule = typeof Esbuild;

function hereUrl(): URL {
  // ESM bundles and vitest have import.meta.url; a CommonJS bundle has __filename instead.
  const meta = import.meta as { url?: string };
  if (meta.url) return new URL(meta.url);
  if (typeof __filename === 'string') return pathToFileURL(__filename);
  return pathToFileURL(join(process.cwd(), 'index.js'));
}

const resolved = new Map<string, Promise<WorkerScript | null>>();

/**
 * `explicit` (a .js/.mjs worker, or a .ts entry to bundle) overrides the lookup: for hosts
 * bundled somewhere else, e.g. the benchmark runner.
 */
export function resolveWorkerScript(explicit?: string | URL): Promise<WorkerScript | null> {
  const key = explicit ? String(explicit) : '';
  let p = resolved.get(key);
  if (!p) {
    p = (explicit ? fromExplicit(explicit) : locate()).catch(() => null);
    resolved.set(key, p);
  }
  return p;
}

async function fromExplicit(explicit: string | URL): Promise<WorkerScript | null> {
  const path = explicit instanceof URL ? fileURLToPath(explicit) : explicit;
  if (!existsSync(path)) return null;
  if (path.endsWith('.ts')) return bundleFromSource(path);
  return { url: pathToFileURL(path), engineId: fileId(path) };
}

async function locate(): Promise<WorkerScript | null> {
  const here = hereUrl();
  const built = new URL('./index-worker.js', here);
  if (existsSync(fileURLToPath(built))) return { url: built, engineId: fileId(fileURLToPath(built)) };
  const source = join(dirname(fileURLToPath(here)), 'index-worker.ts');
  if (!existsSync(source)) return null;
  return bundleFromSource(source);
}

async function bundleFromSource(source: string): Promise<WorkerScript | null> {
  const esbuild = await loadEsbuild();
  const out = await esbuild.build({
    entryPoints: [source],
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    // Some dependencies are CommonJS and call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const code = out.outputFiles[0].contents;
  const id = createHash('sha1').update(code).digest('hex').slice(0, 16);
  // Named by content: test processes share one file per version of the sources, and no
  // clean-up is needed (vitest's forks do not reliably run exit handlers).
  const file = join(tmpdir(), `tapedeck-index-worker-${id}.mjs`);
  if (!existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, file);
  }
  return { url: pathToFileURL(file), engineId: id };
}

async function loadEsbuild(): Promise<EsbuildModule> {
  // A variable specifier keeps bundlers from pulling esbuild into the app bundle.
  const specifier = 'esbuild';
  try {
    return (await import(/* @vite-ignore */ specifier)) as EsbuildModule;
  } catch {
    // A bundle living outside the repo (e.g. in /tmp) cannot resolve it; try from the cwd.
    const resolved = createRequire(join(process.cwd(), 'package.json')).resolve(specifier);
    return (await import(/* @vite-ignore */ pathToFileURL(resolved).href)) as EsbuildModule;
  }
}

function fileId(path: string): string {
  return createHash('sha1').update(readFileSync(path)).digest('hex').slice(0, 16);
}
