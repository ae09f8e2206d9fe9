/**
 * Runs the full-text search as the sidebar's query, toggles or index change: debounced, so
 * typing a word costs one call, and again after a watcher batch so results follow the disk.
 */
import { useEffect } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/store-context';

const DEBOUNCE_MS = 150;

export function useTextSearch(query: string): void {
  const store = useAppStoreApi();
  const options = useAppStore((s) => s.textSearch.options);
  const summaries = useAppStore((s) => s.summaries);
  useEffect(() => {
    const t = setTimeout(() => void store.getState().runTextSearch(query), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [store, query, options, summaries]);
}
