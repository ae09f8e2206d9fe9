/**
 * A pair's changes in the order a reviewer reads them: the request, the response, usage and
 * cost, then headers, stream shape and (when shown) volatile fields. Field names come from
 * shared/diff (`request.messages[2].text`, `response.header x-foo`); the group's own prefix is
 * dropped in the row.
 */
import type { Change, PairDiff } from '../../../../shared/diff/types';

export type GroupName = 'Request' | 'Response' | 'Usage and cost' | 'Headers' | 'Stream and timing' | 'Volatile (ignored)';

export interface ChangeGroup {
  name: GroupName;
  /** Information only: never counts as a change (stream shape, volatile fields). */
  info: boolean;
  rows: { field: string; change: Change }[];
}

const ORDER: GroupName[] = ['Request', 'Response', 'Usage and cost', 'Headers', 'Stream and timing', 'Volatile (ignored)'];

function groupOf(c: Change, info: boolean): GroupName {
  if (info) return c.field.startsWith('stream.') || c.field.startsWith('timing.') ? 'Stream and timing' : 'Volatile (ignored)';
  if (c.field.includes('.header ')) return 'Headers';
  if (c.field.startsWith('usage.') || c.field.startsWith('cost.')) return 'Usage and cost';
  return c.field.startsWith('request.') ? 'Request' : 'Response';
}

/** The field as shown inside its group: `messages[2].text`, `response x-request-id`, `outputTokens`. */
export function rowField(field: string, group: GroupName): string {
  if (field.includes('.header ')) return field.replace('.header ', ' ');
  if (group === 'Request' || group === 'Response' || group === 'Usage and cost') return field.replace(/^(request|response|usage|cost)\./, '') || field;
  return field;
}

/** `skipInfo`: info fields the view draws another way (the stream shape row). */
export function groupChanges(p: PairDiff, skipInfo: ReadonlySet<string> = new Set()): ChangeGroup[] {
  const groups = new Map<GroupName, ChangeGroup>();
  const add = (c: Change, info: boolean) => {
    const name = groupOf(c, info);
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { name, info: name === 'Stream and timing' || name === 'Volatile (ignored)', rows: [] }));
    g.rows.push({ field: rowField(c.field, name), change: c });
  };
  for (const c of p.changes) add(c, false);
  for (const c of p.info) if (!skipInfo.has(c.field)) add(c, true);
  return ORDER.flatMap((n) => (groups.has(n) ? [groups.get(n)!] : []));
}
