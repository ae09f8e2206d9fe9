import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useStore } from 'zustand';
import type { AppState, AppStore } from './types';

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore outside <StoreProvider>');
  return store;
}

/** Select from the store; pair with `useShallow` for object/array selectors. */
export function useAppStore<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStoreApi(), selector);
}

/**
 * The replay cursor, read transiently: the store may change it on every pointer move, but the
 * readers re-render at most once per animation frame, all in one synchronous React pass inside
 * that frame (so the new state paints in the same frame), and no other component re-renders.
 */
interface CursorHub {
  listeners: Set<(c: number) => void>;
  raf: number;
  latest: number;
}
const hubs = new WeakMap<AppStore, CursorHub>();

function hubFor(store: AppStore): CursorHub {
  const hub = hubs.get(store);
  if (hub) return hub;
  const h: CursorHub = { listeners: new Set(), raf: 0, latest: store.getState().cursor };
  store.subscribe((s) => {
    if (s.cursor === h.latest) return;
    h.latest = s.cursor;
    if (h.raf || !h.listeners.size) return;
    h.raf = requestAnimationFrame(() => {
      h.raf = 0;
      flushSync(() => {
        for (const l of h.listeners) l(h.latest);
      });
    });
  });
  hubs.set(store, h);
  return h;
}

export function useCursor(): number {
  const store = useAppStoreApi();
  const [cursor, setCursor] = useState(() => store.getState().cursor);
  useEffect(() => {
    const hub = hubFor(store);
    hub.listeners.add(setCursor);
    setCursor(store.getState().cursor);
    return () => {
      hub.listeners.delete(setCursor);
    };
  }, [store]);
  return cursor;
}
