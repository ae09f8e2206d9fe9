/**
 * The index's lint pass (CassetteSummary.lint): after the rows, every cassette is linted by the
 * worker pool with the one lint entry the CLI and the Problems panel use; the counts reach the
 * UI as row updates (not as "changed on disk"), follow edits, and come back from the cache.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../../main/workspace/workspace';
import { lintCounts, lintFile } from '../../../shared/lint/file';
import { registerNodeCodecs } from '../../../main/backend/node-codecs';
import { goVcr, Recorder, removeDir, tempDir, writeFile } from './helpers';

registerNodeCodecs();
const dir = tempDir();
const configDir = tempDir('tapedeck-cfg-');
afterAll(() => {
  removeDir(dir);
  removeDir(configDir);
});

// A bearer token in a request header: lint says error (secret/header-authorization).
const leaky = goVcr([{}, {}]).replace('      Content-Type:\n', '      Authorization:\n      - Bearer sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCD\n      Content-Type:\n');
writeFile(dir, 'leaky.yaml', leaky);
writeFile(dir, 'clean.yaml', goVcr([{}]));
writeFile(dir, 'other.yaml', 'name: not a cassette\nitems: [1, 2]\n');
const expected = (rel: string) => lintCounts(lintFile(rel, new Uint8Array(readFileSync(join(dir, rel)))).findings);

describe('the index lint pass', () => {
  it('counts each cassette as the shared lint entry does, in row updates after the rows', async () => {
    const rec = new Recorder();
    const ws = createWorkspace({ configDir, emit: rec.emit, workerCount: 2 });
    try {
      await ws.openPath(dir);
      await ws.whenLinted();
      const rows = rec.rows();
      expect(expected('leaky.yaml').error).toBeGreaterThan(0);
      expect(rows.get('leaky.yaml')?.lint).toEqual(expected('leaky.yaml'));
      expect(rows.get('clean.yaml')?.lint).toEqual(expected('clean.yaml'));
      expect(rows.get('other.yaml')).toMatchObject({ kind: 'not-cassette', lint: { error: 0, warning: 0, info: 0 } });
      // The counts arrived as updates of rows that were already listed without them.
      const first = rec.batches.flatMap((b) => b.upserted).find((s) => s.relPath === 'leaky.yaml' && s.kind === 'cassette');
      expect(first?.lint).toBeNull();
      expect(rec.changed()).toEqual([]);

      // An edit on disk: the row is indexed again, then linted again.
      await ws.whenWatching();
      writeFileSync(join(dir, 'leaky.yaml'), goVcr([{}, {}, {}]));
      await rec.waitRow('leaky.yaml', (s) => s.interactions === 3 && s.lint !== null, 'edited file re-linted');
      await ws.whenLinted();
      expect(rec.rows().get('leaky.yaml')?.lint).toEqual(expected('leaky.yaml'));
      expect(rec.rows().get('leaky.yaml')?.lint?.error).toBe(0);
    } finally {
      await ws.close();
    }
  }, 180_000);

  it('keeps the counts in the summary cache: a reopen has them at once', async () => {
    const rec = new Recorder();
    const ws = createWorkspace({ configDir, emit: rec.emit, workerCount: 1 });
    try {
      await ws.openPath(dir);
      await ws.whenIndexed();
      expect(rec.rows().get('leaky.yaml')?.lint).toEqual(expected('leaky.yaml'));
      expect(rec.rows().get('clean.yaml')?.lint).toEqual(expected('clean.yaml'));
    } finally {
      await ws.close();
    }
  }, 180_000);
});

