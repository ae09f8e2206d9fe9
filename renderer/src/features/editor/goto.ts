/**
 * "Go to source" from the views: an interaction, a header, a stream event or a tool call →
 * the 1-based line (and column) in the cassette text.
 */
import type { CassetteAnalysis } from '../../../../shared/model/analysis';
import type { Cassette } from '../../../../shared/model/cassette';
import { argFragments } from '../../../../shared/edit/arg-fragments';
import { bodyOffsetToLine, isPlainBody } from '../../../../shared/edit/source-map';

export type SourceTarget =
  | { kind: 'interaction'; interaction: number }
  | { kind: 'header'; interaction: number; side: 'request' | 'response'; index: number }
  | { kind: 'event'; interaction: number; event: number }
  | { kind: 'tool-call'; interaction: number; slot: number }
  | { kind: 'line'; line: number; column?: number };

export interface Pos {
  line: number;
  column?: number;
}

export function sourcePos(text: string, c: Cassette, a: CassetteAnalysis, t: SourceTarget): Pos | null {
  if (t.kind === 'line') return { line: t.line, column: t.column };
  const it = c.interactions[t.interaction];
  if (!it) return null;
  const at = (r: { start: { line: number; column: number } } | undefined): Pos | null => (r ? { line: r.start.line, column: r.start.column } : null);
  switch (t.kind) {
    case 'interaction':
      return at(it.range);
    case 'header': {
      const h = (t.side === 'request' ? it.request : it.response).headers[t.index];
      return at(h?.range) ?? at(t.side === 'request' ? it.ranges.request : it.ranges.response);
    }
    case 'event':
      return eventPos(text, c, a, t.interaction, t.event);
    case 'tool-call': {
      const ia = a.interactions[t.interaction];
      if (ia?.stream) {
        // The call's first argument fragment, else the event that first names its id.
        const frags = argFragments(ia, t.slot);
        const id = ia.message?.toolCalls.find((x) => x.slot === t.slot)?.id;
        const ev = typeof frags !== 'string' && frags.length ? frags[0].event : id ? ia.stream.events.findIndex((e) => e.data.includes(JSON.stringify(id))) : -1;
        if (ev >= 0) return eventPos(text, c, a, t.interaction, ev);
      }
      return at(it.ranges.responseBody ?? it.response.body.range);
    }
  }
}

function eventPos(text: string, c: Cassette, a: CassetteAnalysis, i: number, k: number): Pos | null {
  const it = c.interactions[i];
  const ev = a.interactions[i]?.stream?.events[k];
  const r = it?.ranges.responseBody ?? it?.response.body.range;
  if (!it || !r) return null;
  if (!ev) return { line: r.start.line, column: r.start.column };
  const line = bodyOffsetToLine(text, r, it.response.body.bytes, ev.offset, isPlainBody(it.response.body));
  return { line };
}
