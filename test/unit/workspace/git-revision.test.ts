/**
 * readGitRevision on real git repositories in temp folders, through the backend's invoker as
 * the UI calls it: HEAD and older revisions of an opened cassette, files git does not have,
 * folders outside any work tree, a repository without commits, and the confinement every
 * read has (no paths out of the opened folder, no option-like revisions).
 */
import { execFileSync } from 'node:child_process';
import { realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, GitRevisionFile } from '../../../shared/api/contract';
import { createBackend, type Backend } from '../../../main/backend/backend';
import { invokeHandler } from '../../../main/backend/invoke';
import { goVcr, removeDir, tempDir, vcrpy, writeFile } from './helpers';

let repo: string;
let plain: string;
let empty: string;
let links: string;
let configDir: string;
let backend: Backend;
const roots: Record<string, string> = {};

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, stdio: 'pipe' }).toString().trim();
function initRepo(dir: string) {
  git(dir, 'init', '-q');
  git(dir, 'config', 'user.email', 't@example.com');
  git(dir, 'config', 'user.name', 'T');
}

const v1 = goVcr([{ content: 'first answer' }]);
const v2 = goVcr([{ content: 'second answer' }]);
const v3 = goVcr([{ content: 'third answer' }]);

beforeAll(async () => {
  [repo, plain, empty, links, configDir] = ['tapedeck-git-', 'tapedeck-plain-', 'tapedeck-empty-', 'tapedeck-links-', 'tapedeck-cfg-'].map((p) => tempDir(p));
  initRepo(repo);
  writeFile(repo, 'cassettes/a.yaml', v1);
  writeFile(repo, 'cassettes/lc.yaml.gz', gzipSync(Buffer.from(vcrpy('committed'))));
  writeFile(repo, '.gitignore', 'cassettes/ignored.yaml\n');
  git(repo, 'add', '.');
  git(repo, 'commit', '-qm', 'one');
  writeFile(repo, 'cassettes/a.yaml', v2);
  git(repo, 'commit', '-qam', 'two');
  writeFile(repo, 'cassettes/a.yaml', v3); // the work tree: re-recorded, not committed
  writeFile(repo, 'cassettes/new.yaml', v1);
  writeFile(repo, 'cassettes/ignored.yaml', v1);
  writeFile(plain, 'p.yaml', v1);
  initRepo(empty);
  writeFile(empty, 'e.yaml', v1);
  // An opened folder that is a symlink to the repository: git answers by the real path.
  symlinkSync(repo, join(links, 'linked'));
  backend = createBackend({ configDir, shell: 'browser', workerCount: 1 });
  for (const [name, path] of Object.entries({ repo: join(repo, 'cassettes'), plain, empty, linked: join(links, 'linked') })) {
    const info = await backend.handlers.openPath(path);
    roots[name] = info.roots.find((r) => r.path === realpathSync(path))!.id;
  }
  await backend.workspace.whenIndexed();
}, 180_000);

afterAll(async () => {
  await backend?.close();
  for (const d of [repo, plain, empty, links, configDir]) if (d) removeDir(d);
});

async function read(root: string, relPath: string, rev: unknown = 'HEAD'): Promise<ApiResult<GitRevisionFile>> {
  return (await invokeHandler(backend.handlers, 'readGitRevision', [{ rootId: roots[root], relPath }, rev])) as ApiResult<GitRevisionFile>;
}
async function ok(root: string, relPath: string, rev = 'HEAD'): Promise<GitRevisionFile> {
  const r = await read(root, relPath, rev);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('readGitRevision', () => {
  it('reads the committed text of an opened cassette at HEAD and at older revisions', async () => {
    const head = await ok('repo', 'a.yaml');
    expect(head).toMatchObject({ status: 'ok', rev: 'HEAD', gitPath: 'cassettes/a.yaml', encoding: 'utf8', content: v2 });
    expect(head.status === 'ok' && head.commit).toBe(git(repo, 'rev-parse', 'HEAD'));
    expect(await ok('repo', 'a.yaml', 'HEAD~1')).toMatchObject({ status: 'ok', content: v1 });
    const sha = git(repo, 'rev-parse', '--short', 'HEAD~1');
    expect(await ok('repo', 'a.yaml', sha)).toMatchObject({ status: 'ok', content: v1 });
  });

  it('returns gzip cassettes as base64 bytes, like readCassette', async () => {
    const r = await ok('repo', 'lc.yaml.gz');
    expect(r.status === 'ok' && r.encoding).toBe('base64');
    if (r.status === 'ok') expect(Buffer.from(r.content, 'base64')).toEqual(execFileSync('git', ['show', 'HEAD:cassettes/lc.yaml.gz'], { cwd: repo }));
  });

  it('answers through a symlinked folder by the real path', async () => {
    expect(await ok('linked', 'cassettes/a.yaml')).toMatchObject({ status: 'ok', gitPath: 'cassettes/a.yaml', content: v2 });
  });

  it('says when git does not have the file, the folder is no work tree, or there is no commit', async () => {
    expect(await ok('repo', 'new.yaml')).toMatchObject({ status: 'not-in-revision', gitPath: 'cassettes/new.yaml' });
    expect(await ok('repo', 'ignored.yaml')).toMatchObject({ status: 'not-in-revision' });
    expect(await ok('repo', 'a.yaml', 'HEAD~5')).toMatchObject({ status: 'no-revision', rev: 'HEAD~5' });
    expect(await ok('plain', 'p.yaml')).toMatchObject({ status: 'not-in-git' });
    expect(await ok('empty', 'e.yaml')).toMatchObject({ status: 'no-revision' });
  });

  it('refuses revisions that look like options or name another path', async () => {
    for (const rev of ['--output=/tmp/x', '-p', 'HEAD:other.yaml', 'HEAD a', '', 42, 'a'.repeat(201)]) {
      const r = await read('repo', 'a.yaml', rev);
      expect(r.ok ? r.value : r.error.code, String(rev)).toBe('git.bad-revision');
    }
  });

  it('stays inside the opened folder', async () => {
    for (const relPath of ['../.gitignore', '../cassettes/a.yaml', '/etc/passwd', 'x/../../a.yaml']) {
      const r = await read('repo', relPath);
      expect(r.ok ? r.value : r.error.code, relPath).toBe('path.outside-workspace');
    }
    const r = await read('repo', 'notes.txt');
    expect(r.ok ? r.value : r.error.code).toBe('path.not-cassette');
    const wrongArity = await invokeHandler(backend.handlers, 'readGitRevision', [{ rootId: roots.repo, relPath: 'a.yaml' }]);
    expect(wrongArity.ok ? wrongArity.value : wrongArity.error.code).toBe('call.bad-arguments');
  });
});
