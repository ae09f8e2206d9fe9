/**
 * Flattens filtered summaries into the rows of a folder tree, so the sidebar can virtualise one
 * flat list (5,000 files scroll as 30 DOM rows). Folders sort before files, both by name.
 */
import type { CassetteSummary } from '../../../../shared/model/summary';
import { refKey } from './library-model';

export type TreeRow =
  | { kind: 'root'; key: string; rootId: string; name: string; depth: 0; count: number }
  | { kind: 'folder'; key: string; rootId: string; path: string; name: string; depth: number; count: number; collapsed: boolean }
  | { kind: 'file'; key: string; depth: number; name: string; summary: CassetteSummary };

interface Dir {
  dirs: Map<string, Dir>;
  files: CassetteSummary[];
  count: number;
}

const newDir = (): Dir => ({ dirs: new Map(), files: [], count: 0 });

export function buildTree(
  summaries: readonly CassetteSummary[],
  roots: readonly { id: string; name: string }[],
  collapsed: ReadonlySet<string>,
): TreeRow[] {
  const byRoot = new Map<string, Dir>();
  for (const s of summaries) {
    let dir: Dir | undefined = byRoot.get(s.rootId);
    if (!dir) byRoot.set(s.rootId, (dir = newDir()));
    dir.count++;
    const parts = s.relPath.split('/');
    for (let i = 0; i < parts.length - 1; i++) {
      let sub: Dir | undefined = dir.dirs.get(parts[i]);
      if (!sub) dir.dirs.set(parts[i], (sub = newDir()));
      sub.count++;
      dir = sub;
    }
    dir.files.push(s);
  }
  const rows: TreeRow[] = [];
  const showRoots = roots.length > 1;
  for (const root of roots) {
    const dir = byRoot.get(root.id);
    if (!dir) continue;
    if (showRoots) rows.push({ kind: 'root', key: `root:${root.id}`, rootId: root.id, name: root.name, depth: 0, count: dir.count });
    walk(dir, root.id, '', showRoots ? 1 : 0, collapsed, rows);
  }
  return rows;
}

function walk(dir: Dir, rootId: string, prefix: string, depth: number, collapsed: ReadonlySet<string>, rows: TreeRow[]): void {
  for (const first of [...dir.dirs.keys()].sort((a, b) => a.localeCompare(b))) {
    let sub = dir.dirs.get(first)!;
    let name = first;
    // Compact folders, as VS Code does: a chain of folders that each hold only one folder is
    // one row ("testdata/fixtures/openai"), so deep layouts do not cost a click per level.
    while (sub.files.length === 0 && sub.dirs.size === 1) {
      const [next, only] = sub.dirs.entries().next().value as [string, Dir];
      name += '/' + next;
      sub = only;
    }
    const path = prefix + name;
    const key = `dir:${rootId}\u0000${path}`;
    const isCollapsed = collapsed.has(key);
    rows.push({ kind: 'folder', key, rootId, path, name, depth, count: sub.count, collapsed: isCollapsed });
    if (!isCollapsed) walk(sub, rootId, path + '/', depth + 1, collapsed, rows);
  }
  const files = [...dir.files].sort((a, b) => a.relPath.localeCompare(b.relPath));
  for (const s of files) {
    rows.push({ kind: 'file', key: refKey(s), depth, name: s.relPath.slice(s.relPath.lastIndexOf('/') + 1), summary: s });
  }
}

/** Next selectable row for ↑/↓: skips nothing (folders are focusable to collapse with Enter). */
export function moveFocus(rows: readonly TreeRow[], currentKey: string | null, delta: number): string | null {
  if (!rows.length) return null;
  const i = currentKey ? rows.findIndex((r) => r.key === currentKey) : -1;
  const next = i < 0 ? (delta > 0 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, i + delta));
  return rows[next].key;
}
