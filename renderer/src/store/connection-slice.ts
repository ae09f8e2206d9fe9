/**
 * Connection: mirrors the HTTP bridge's connection state for the banner, and resyncs when a
 * lost `tapedeck serve` comes back (events sent while we were away are gone). Selection and
 * unsaved editor text are store state, untouched by a resync; the page is never reloaded.
 */
import { connectionOf } from '../../bridge/connection';
import { refKey } from '../features/library/library-model';
import type { ConnectionSlice, SliceCreator } from './types';

export const createConnectionSlice: SliceCreator<ConnectionSlice> = (set, get, deps) => {
  let started = false;

  const onReconnected = async () => {
    await get().resyncLibrary();
    // A file opened while the server was away failed to load: try it again now.
    const { selected, doc, summaries } = get();
    if (selected && doc.status === 'error' && summaries.has(refKey(selected))) await get().reloadSelected();
  };

  return {
    connection: 'connected',

    initConnection() {
      const conn = connectionOf(deps.api);
      if (!conn || started) return;
      started = true;
      set({ connection: conn.get() });
      conn.subscribe((state, prev) => {
        set({ connection: state });
        if (state === 'connected' && prev === 'reconnecting') void onReconnected();
      });
    },
  };
};
