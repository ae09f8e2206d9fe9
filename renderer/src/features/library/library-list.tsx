/** The virtualised folder tree: thousands of files render as a few dozen DOM rows. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { parseKey, refKey } from './library-model';
import { FileRow } from './file-row';
import { moveFocus, type TreeRow } from './tree';

const FILE_H = 44;
const FOLDER_H = 26;

export function LibraryList({ rows, focusedKey, selectedKey }: { rows: TreeRow[]; focusedKey: string | null; selectedKey: string | null }) {
  const store = useAppStoreApi();
  const dirtyKey = useAppStore((s) => (s.editor.dirty ? s.editor.key : null));
  const rerecorded = useAppStore((s) => s.rerecorded);
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i].kind === 'file' ? FILE_H : FOLDER_H),
    getItemKey: (i) => rows[i].key,
    overscan: 8,
  });

  const focusedIndex = focusedKey ? rows.findIndex((r) => r.key === focusedKey) : -1;
  useEffect(() => {
    if (focusedIndex >= 0) v.scrollToIndex(focusedIndex, { align: 'auto' });
  }, [focusedIndex, v]);

  // A file opens; a folder (or a root) shows its dashboard, and opens if it was collapsed.
  const activate = (row: TreeRow) => {
    const s = store.getState();
    s.setFocused(row.key);
    if (row.kind === 'file') void s.select(parseKey(row.key));
    else {
      s.showDashboard({ rootId: row.rootId, path: row.kind === 'folder' ? row.path : '' });
      if (row.kind === 'folder' && row.collapsed) s.toggleFolder(row.key);
    }
  };
  const toggle = (row: TreeRow, open?: boolean) => {
    if (row.kind === 'folder' && (open === undefined || open === row.collapsed)) store.getState().toggleFolder(row.key);
  };

  /** The re-recorded badge: open the file, then compare it with the version before. */
  const review = async (key: string) => {
    const changed = store.getState().rerecorded.get(key);
    store.getState().setFocused(key);
    await store.getState().select(parseKey(key));
    if (store.getState().selected && refKey(store.getState().selected!) === key) await store.getState().reviewRerecording(changed?.[0]);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const s = store.getState();
    const row = rows.find((r) => r.key === s.focusedKey);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      s.setFocused(moveFocus(rows, s.focusedKey, e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Enter') {
      if (row) activate(row);
    } else if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && row?.kind === 'folder') {
      toggle(row, e.key === 'ArrowRight');
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div
      ref={scroller}
      className="library-list"
      tabIndex={0}
      role="tree"
      aria-label="Cassettes"
      aria-activedescendant={focusedIndex >= 0 ? `row-${focusedIndex}` : undefined}
      onKeyDown={onKeyDown}
      // Arriving in the list (ArrowDown from the search box, Tab) lands on a row, not nowhere.
      onFocus={(e) => {
        const s = store.getState();
        if (e.target === e.currentTarget && rows.length && !rows.some((r) => r.key === s.focusedKey)) s.setFocused(rows[0].key);
      }}
      data-testid="library-list"
    >
      <div style={{ height: v.getTotalSize(), position: 'relative' }}>
        {v.getVirtualItems().map((item) => {
          const row = rows[item.index];
          const cls = [
            'row', `row-${row.kind}`,
            row.key === focusedKey ? 'is-focused' : '',
            row.key === selectedKey ? 'is-selected' : '',
          ].join(' ');
          return (
            <div
              key={item.key}
              id={`row-${item.index}`}
              role="treeitem"
              aria-selected={row.key === selectedKey}
              aria-level={row.depth + 1}
              aria-expanded={row.kind === 'folder' ? !row.collapsed : undefined}
              className={cls}
              style={{ transform: `translateY(${item.start}px)`, height: item.size, paddingLeft: 8 + row.depth * 14 }}
              onClick={() => activate(row)}
              data-testid={row.kind === 'file' ? 'library-file' : 'library-folder'}
              data-path={row.kind === 'file' ? row.summary.relPath : row.kind === 'folder' ? row.path : row.name}
            >
              {row.kind === 'file' ? (
                <FileRow s={row.summary} name={row.name} dirty={row.key === dirtyKey} rerecorded={rerecorded.get(row.key)} onReview={() => void review(row.key)} />
              ) : (
                <div className="row-name" title={`${row.kind === 'folder' ? row.path : row.name}: click for its dashboard`}>
                  <span
                    className="chevron"
                    aria-hidden
                    data-testid="folder-chevron"
                    onClick={(e) => {
                      e.stopPropagation();
                      store.getState().setFocused(row.key);
                      toggle(row);
                    }}
                  >
                    {row.kind === 'folder' && row.collapsed ? '▸' : '▾'}
                  </span>
                  {row.name} <span className="muted">{row.count}</span>
                </div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
