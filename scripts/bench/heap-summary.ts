/**
 * Where a V8 heap's memory goes: a heap snapshot summed by what owns each object's own size
 * (constructor name for objects; strings, code, arrays and other V8 internals by kind), the
 * biggest first. Used by the workspace bench to say what the backend keeps.
 */
import { getHeapSnapshot } from 'node:v8';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

export interface HeapGroup {
  what: string;
  mb: number;
  count: number;
}

/** Takes a snapshot of this thread's heap and groups it; `top` groups, the rest summed. */
export async function heapSummary(top = 10): Promise<{ totalMb: number; groups: HeapGroup[] }> {
  const parts: string[] = [];
  for await (const chunk of getHeapSnapshot()) parts.push(String(chunk));
  const snap = JSON.parse(parts.join('')) as Snapshot;
  parts.length = 0;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const fType = fields.indexOf('type');
  const fName = fields.indexOf('name');
  const fSize = fields.indexOf('self_size');
  const sums = new Map<string, { bytes: number; count: number }>();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + fType]];
    const size = snap.nodes[i + fSize];
    total += size;
    let what: string;
    if (type === 'object' || type === 'closure') what = type === 'closure' ? '(closures)' : snap.strings[snap.nodes[i + fName]];
    else if (type.includes('string')) what = '(strings)';
    else what = `(${type})`;
    const s = sums.get(what) ?? { bytes: 0, count: 0 };
    s.bytes += size;
    s.count++;
    sums.set(what, s);
  }
  const sorted = [...sums].sort((a, b) => b[1].bytes - a[1].bytes);
  const groups = sorted.slice(0, top).map(([what, s]) => ({ what, mb: s.bytes / 1e6, count: s.count }));
  const rest = sorted.slice(top).reduce((acc, [, s]) => ({ bytes: acc.bytes + s.bytes, count: acc.count + s.count }), { bytes: 0, count: 0 });
  if (rest.count) groups.push({ what: '(everything else)', mb: rest.bytes / 1e6, count: rest.count });
  return { totalMb: total / 1e6, groups };
}
