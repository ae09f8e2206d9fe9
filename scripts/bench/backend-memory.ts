/**
 * workspace.peak_rss_mb and where it goes: a fresh Node process (this same bench bundle,
 * started again with TAPEDECK_BENCH_MEMORY_CHILD) opens the folder as the backend does, with
 * an empty summary cache, and reports its peak RSS (Linux VmHWM: main thread and index workers
 * together) once the index is done. Measured apart from the bench process, whose own baseline
 * garbage (yaml.parse of the whole folder) would otherwise count as the backend's.
 * It also reports the peak once the background lint pass that follows the index has run.
 * The breakdown: the main thread's memoryUsage() at its highest sample, each index worker's
 * V8 heap at its own peak (heap-worker.ts records them), and a heap snapshot summary of what
 * the main thread keeps once indexed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorkspace } from '../../main/workspace/workspace';
import { heapSummary, type HeapGroup } from './heap-summary';
import { round } from './report';

export interface MemoryReport {
  /** Peak RSS until every row is in. */
  peakRss: number;
  /** Peak RSS once the background lint pass that follows has run too. */
  peakRssWithLint: number;
  /** Seconds the lint pass took after the index. */
  lintS: number;
  atPeak: NodeJS.MemoryUsage;
  workers: { total: number; used: number }[];
  main: { totalMb: number; groups: HeapGroup[] };
  /** RSS of the process before it opened the folder (Node itself and the loaded code). */
  rssBefore: number;
}

/** Finds index-worker.ts from the cwd upwards, so a bench bundle anywhere uses the real worker. */
export function workerEntry(): string | undefined {
  if (process.env.TAPEDECK_INDEX_WORKER) return process.env.TAPEDECK_INDEX_WORKER;
  let d = process.cwd();
  for (;;) {
    const src = join(d, 'main/workspace/index-worker.ts');
    if (existsSync(src)) return src;
    const parent = dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
}

/** The bench-only worker entry that also records the worker's heap (heap-worker.ts). */
function heapWorkerEntry(): string | undefined {
  const w = workerEntry();
  if (!w || process.env.TAPEDECK_INDEX_WORKER) return w;
  const wrapper = join(dirname(dirname(dirname(w))), 'scripts/bench/heap-worker.ts');
  return existsSync(wrapper) ? wrapper : w;
}

const MARK = 'TAPEDECK_BENCH_MEMORY ';

export async function backendMemory(dir: string): Promise<MemoryReport> {
  const heapDir = mkdtempSync(join(tmpdir(), 'tapedeck-bench-heap-'));
  try {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
      env: { ...process.env, TAPEDECK_BENCH_MEMORY_CHILD: dir, TAPEDECK_BENCH_HEAP_DIR: heapDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    const line = out.split('\n').find((l) => l.startsWith(MARK));
    if (code !== 0 || !line) throw new Error(`memory child exited ${code}: ${out.slice(-500)}`);
    return JSON.parse(line.slice(MARK.length)) as MemoryReport;
  } finally {
    rmSync(heapDir, { recursive: true, force: true });
  }
}

async function child(dir: string): Promise<void> {
  const configDir = mkdtempSync(join(tmpdir(), 'tapedeck-bench-cfg-'));
  const rssBefore = process.memoryUsage().rss;
  let atPeak = process.memoryUsage();
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss > atPeak.rss) atPeak = m;
  }, 25);
  const ws = createWorkspace({ configDir, workerScript: heapWorkerEntry(), emit: () => {} });
  await ws.openPath(dir);
  await ws.whenIndexed();
  clearInterval(sampler);
  const hwm = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;
  const peakRss = hwm() || atPeak.rss;
  // The workers' heap peaks while indexing (heap-worker.ts writes them; the lint pass comes later).
  const heapDir = process.env.TAPEDECK_BENCH_HEAP_DIR ?? '';
  const workers = heapDir ? readdirSync(heapDir).map((f) => JSON.parse(readFileSync(join(heapDir, f), 'utf8')) as { total: number; used: number }) : [];
  const main = await heapSummary(8);
  const t0 = performance.now();
  await ws.whenLinted();
  const lintS = (performance.now() - t0) / 1000;
  const peakRssWithLint = hwm();
  await ws.close();
  rmSync(configDir, { recursive: true, force: true });
  process.stdout.write(MARK + JSON.stringify({ peakRss, peakRssWithLint, lintS, atPeak, workers, main, rssBefore }) + '\n');
  process.exit(0);
}

if (process.env.TAPEDECK_BENCH_MEMORY_CHILD) void child(process.env.TAPEDECK_BENCH_MEMORY_CHILD);

/** Where the peak RSS went, printed under workspace.peak_rss_mb. */
export function printMemory(m: MemoryReport): void {
  const mb = (b: number) => `${round(b / 1e6)} MB`;
  const { atPeak: at, workers, main } = m;
  const workerTotal = workers.reduce((s, w) => s + w.total, 0);
  console.log(`  a fresh backend process indexing the folder: ${mb(m.rssBefore)} RSS before opening it, ${mb(m.peakRss)} at the peak (main thread and index workers);`);
  console.log(`  main thread at its highest sample: JS heap ${mb(at.heapTotal)} (used ${mb(at.heapUsed)}), external ${mb(at.external)} (${mb(at.arrayBuffers)} array buffers);`);
  console.log(`  index workers' JS heaps at their own peaks ${workers.map((w) => mb(w.total)).join(' + ') || 'not recorded'} (sum ${mb(workerTotal)});`);
  console.log(`  then the background lint pass (${round(m.lintS, 1)} s, a full parse and lint of every cassette) takes the process to ${mb(m.peakRssWithLint)};`);
  console.log(`  main-thread heap once indexed (snapshot, ${round(main.totalMb)} MB): ${main.groups.map((g) => `${g.what} ${round(g.mb, 1)} MB`).join(', ')}`);
}
