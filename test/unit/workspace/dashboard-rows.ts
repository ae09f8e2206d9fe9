/** Test helper: the index rows of test/fixtures/dashboard, as the summary step builds them. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { registerNodeCodecs } from '../../../main/backend/node-codecs';
import { parseCassette } from '../../../shared/cassette/parse';
import { analyzeCassette } from '../../../shared/llm/analyze';
import type { CassetteSummary } from '../../../shared/model/summary';
import { summarizeCassette } from '../../../shared/workspace/summarize';

registerNodeCodecs();
const root = path.join(__dirname, '../../fixtures/dashboard');
const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(path.join(d, f)).isDirectory() ? walk(path.join(d, f)) : [path.join(d, f)]));
export const dashboardRows: CassetteSummary[] = walk(root).map((f) => {
  const rel = path.relative(root, f).split(path.sep).join('/');
  const c = parseCassette({ path: rel, bytes: new Uint8Array(readFileSync(f)) });
  return summarizeCassette({ rootId: 'r', relPath: rel }, { size: 0, mtimeMs: 0 }, c, analyzeCassette(c));
});
