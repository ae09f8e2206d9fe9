import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectLibraryView } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { facets, filterSummaries } from './filter';
import { totalsOf } from './library-model';
import { buildTree } from './tree';

/** Derived sidebar data, memoised on the inputs so a cursor move never rebuilds the tree. */
export function useLibraryRows() {
  const v = useAppStore(useShallow(selectLibraryView));
  const all = useMemo(() => [...v.summaries.values()], [v.summaries]);
  const filtered = useMemo(() => filterSummaries(all, v.filters, v.bodyText), [all, v.filters, v.bodyText]);
  const rows = useMemo(() => buildTree(filtered, v.roots, v.collapsed), [filtered, v.roots, v.collapsed]);
  const totals = useMemo(() => totalsOf(filtered), [filtered]);
  const facetLists = useMemo(() => facets(all), [all]);
  return { ...v, all, filtered, rows, totals, facets: facetLists };
}
