/**
 * The git command, run with execFile (no shell: paths and revisions are arguments, never
 * parsed by a shell). Output is kept as bytes: cassettes may be gzip or any encoding.
 */
import { execFile, spawn } from 'node:child_process';

export class GitError extends Error {}

export function git(cwd: string, args: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: 1 << 30 }, (err, stdout, stderr) => {
      if (err) {
        const msg = stderr.toString('utf8').trim() || err.message;
        reject(new GitError(`git ${args[0]}: ${msg}`));
      } else resolve(stdout);
    });
  });
}

/** The work tree's top folder holding `dir`, or null when `dir` is not in a git work tree. */
export async function gitTopLevel(dir: string): Promise<string | null> {
  try {
    return (await git(dir, ['rev-parse', '--show-toplevel'])).toString('utf8').trim();
  } catch {
    return null;
  }
}

/**
 * Blobs `REV:path` for many paths through one `git cat-file --batch` process: a `git show`
 * per file would spawn hundreds of processes for a large re-record. Missing paths give null.
 */
export function readBlobs(top: string, rev: string, paths: string[]): Promise<(Buffer | null)[]> {
  if (paths.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: top, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new GitError(`git cat-file: ${stderr.trim() || `exit ${code}`}`));
      resolve(parseBatch(Buffer.concat(chunks), paths.length));
    });
    child.stdin.end(paths.map((p) => `${rev}:${p}\n`).join(''));
  });
}

/** `<sha> blob <size>\n<bytes>\n` per object, or `<name> missing\n`. */
function parseBatch(out: Buffer, count: number): (Buffer | null)[] {
  const blobs: (Buffer | null)[] = [];
  let at = 0;
  for (let k = 0; k < count; k++) {
    const nl = out.indexOf(10, at);
    if (nl < 0) throw new GitError('git cat-file: output ended early');
    const header = out.subarray(at, nl).toString('utf8');
    const m = / blob (\d+)$/.exec(header);
    if (!m) {
      blobs.push(null);
      at = nl + 1;
      continue;
    }
    const size = Number(m[1]);
    blobs.push(out.subarray(nl + 1, nl + 1 + size));
    at = nl + 1 + size + 1;
  }
  return blobs;
}
