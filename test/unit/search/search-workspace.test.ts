/**
 * The searchCassettes call on a real folder: built by the index workers, kept in the summary
 * cache (a reopen answers from it without reindexing), and updated by the watcher.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheFileFor } from '../../../main/workspace/cache';
import { createWorkspace, type Workspace } from '../../../main/workspace/workspace';
import { goVcr, Recorder, removeDir, tempDir, writeFile } from '../workspace/helpers';

let dir: string;
let configDir: string;

beforeAll(() => {
  dir = tempDir();
  configDir = tempDir('tapedeck-cfg-');
  writeFile(dir, 'a/first.yaml', goVcr([{ content: 'the walrus sings' }, { content: 'nothing here' }]));
  writeFile(dir, 'b/second.yaml', goVcr([{ content: 'a quiet answer' }]));
});

afterAll(() => {
  removeDir(dir);
  removeDir(configDir);
});

async function open(): Promise<{ ws: Workspace }> {
  const rec = new Recorder();
  const ws = createWorkspace({ configDir, emit: rec.emit, workerCount: 1 });
  await ws.openPath(dir);
  await ws.whenIndexed();
  return { ws };
}

const files = (r: Awaited<ReturnType<Workspace['searchCassettes']>>) =>
  r.files.map((f) => [f.file.relPath, f.interactions.map((i) => i.index)]);

describe('searchCassettes', () => {
  it('finds answers in every file, grouped by file and interaction', async () => {
    const { ws } = await open();
    try {
      const r = await ws.searchCassettes({ pattern: 'walrus' });
      expect(r.error).toBeNull();
      expect(files(r)).toEqual([['a/first.yaml', [0]]]);
      expect(r.files[0].interactions[0].hits[0]).toMatchObject({ field: 'text', snippet: 'the walrus sings' });
      // Request messages of both files ("question 0").
      expect(files(await ws.searchCassettes({ pattern: 'question 0' })).map((f) => f[0]).sort()).toEqual(['a/first.yaml', 'b/second.yaml']);
      expect((await ws.searchCassettes({ pattern: '[', regex: true })).error).toMatch(/Bad regular expression/);
    } finally {
      await ws.close();
    }
  });

  it('answers from the summary cache on reopen, and follows changes on disk', async () => {
    // The first open's close wrote the cache, with the documents in it.
    const cache = readFileSync(cacheFileFor(join(configDir, 'index-cache'), realpathSync(dir)), 'utf8');
    expect(JSON.parse(cache).entries['a/first.yaml'].docs[0].fields).toContainEqual({ kind: 'text', text: 'the walrus sings' });
    const { ws } = await open();
    try {
      expect(files(await ws.searchCassettes({ pattern: 'walrus' }))).toEqual([['a/first.yaml', [0]]]);
      await ws.whenWatching();
      writeFile(dir, 'b/second.yaml', goVcr([{ content: 'x' }, { content: 'another walrus' }]));
      await expect.poll(async () => files(await ws.searchCassettes({ pattern: 'walrus' })), { timeout: 15000 }).toEqual([
        ['a/first.yaml', [0]],
        ['b/second.yaml', [1]],
      ]);
    } finally {
      await ws.close();
    }
  });

  it('stops a runaway regex with a message and keeps answering', async () => {
    const other = tempDir();
    writeFile(other, 'long.yaml', goVcr([{ content: 'Extraordinarily complicated multiplication tables, unfortunately!' }]));
    const ws = createWorkspace({ configDir, emit: new Recorder().emit, workerCount: 1 });
    try {
      await ws.openPath(other);
      await ws.whenIndexed();
      // Exponential backtracking inside one answer: the engine's between-field deadline never
      // gets a turn, so the worker running it is ended.
      const r = await ws.searchCassettes({ pattern: '(\\w+\\s?)+$', regex: true });
      expect(r.error).toMatch(/took longer than 2000 ms and was stopped/);
      expect(files(await ws.searchCassettes({ pattern: 'multipl\\w+', regex: true }))).toEqual([['long.yaml', [0]]]);
    } finally {
      await ws.close();
      removeDir(other);
    }
  }, 180_000);
});
