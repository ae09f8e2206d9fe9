/**
 * Golden extra parts (citations, redacted thinking, built-in tools, thinking signature): each
 * test/fixtures/dialects/<name>.yaml whose responses have any gets a <name>.parts.json with the
 * final parts and, for streams, the replay step at which each built-in tool's status changed.
 * UPDATE_GOLDEN=1 rewrites them (then check by eye). Fixtures without such parts must keep the
 * message shape they had before these fields existed.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReplay } from '../../../shared/llm/replay';
import type { InteractionAnalysis } from '../../../shared/model/analysis';
import type { AssembledMessage } from '../../../shared/model/llm';
import { dialectFixtureDir as dir, loadDialectFixture } from './helpers';

const names = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
const EXTRA = ['citations', 'redactedThinking', 'builtinTools', 'reasoningSignature'] as const;


const hasExtra = (m: AssembledMessage | null) => !!m && EXTRA.some((k) => m[k] !== undefined);

/** "event k: slot type status" each time a built-in tool part appears or changes status. */
function transitions(x: InteractionAnalysis): string[] {
  if (!x.stream || !x.dialect) return [];
  const r = createReplay(x);
  const seen = new Map<number, string | null>();
  const out: string[] = [];
  for (let k = 0; k < r.length; k++) {
    for (const b of r.stateAt(k).builtinTools ?? []) {
      if (seen.has(b.slot) && seen.get(b.slot) === b.status) continue;
      seen.set(b.slot, b.status);
      out.push(`event ${k}: #${b.slot} ${b.type} ${b.status}`);
    }
  }
  return out;
}

describe('golden extra parts', () => {
  for (const name of names) {
    it(name, () => {
      const { a } = loadDialectFixture(name);
      const file = path.join(dir, `${name}.parts.json`);
      if (!a.interactions.some((x) => hasExtra(x.message))) {
        expect(existsSync(file)).toBe(false);
        return;
      }
      const actual = a.interactions.map((x) => {
        const m = x.message;
        const o: Record<string, unknown> = { index: x.index };
        for (const k of EXTRA) if (m?.[k] !== undefined) o[k] = m[k];
        const t = transitions(x);
        if (t.length) o.statusSteps = t;
        return o;
      });
      const json = JSON.parse(JSON.stringify(actual));
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
      expect(json).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});
