/**
 * Edit benchmark: one changed event in a ~20 MB streamed body (go-vcr block literal).
 * - edit.block_plan_ms: planning the lossless splice for that body value (line diff + the
 *   re-lex check that the new text reads back exactly). Baseline: yaml.parse of the same file,
 *   i.e. what reading the cassette once costs. Target ≤ 0.5×: an edit must not cost a re-parse.
 */
import { parse as yamlParse } from 'yaml';
import type { CST } from 'yaml';
import { resolveBlockValue } from '../../shared/edit/block-verify';
import { openEditable } from '../../shared/edit/document';
import { side } from '../../shared/edit/ops';
import { planScalar } from '../../shared/edit/scalar-edit';

import { bestOf as best, type Report } from './report';

function cassette(): { text: string; events: number } {
  const rows: string[] = [];
  let n = 0;
  let i = 0;
  for (; n < 20e6; i++) {
    const r = `      data: {"id":"chatcmpl-${i}","choices":[{"delta":{"content":"token ${i} of a long streamed answer"}}]}`;
    rows.push(r, '    '); // go-vcr writes the blank line between events indented
    n += r.length + 6;
  }
  const head = ['---', 'version: 2', 'interactions:', '- id: 0', '  request:', '    url: https://api.example.com/v1/chat', '    method: POST', '  response:', '    code: 200', '    body: |+'];
  return { text: [...head, ...rows, ''].join('\n'), events: i };
}

export async function run(report: Report): Promise<void> {
  const { text, events } = cassette();
  const ed = openEditable(text);
  const ref = side(ed, 0, 'response');
  if (typeof ref === 'string') throw new Error(ref);
  const node = ref.body.node!;
  const value = resolveBlockValue(node.srcToken as CST.BlockScalar)!;
  const at = value.indexOf(`token ${Math.floor(events / 2)} of`);
  const next = value.slice(0, at) + 'TOKEN' + value.slice(at + 5);
  let splices = 0;
  const ms = best(3, () => {
    const plan = planScalar(ed, node, next);
    if (typeof plan === 'string') throw new Error(plan);
    splices = plan.length;
  });
  if (splices !== 1) throw new Error(`expected a one-line splice, got ${splices}`);
  const base = best(2, () => yamlParse(text));
  console.error(`edit bench: ${(text.length / 1e6).toFixed(1)} MB body, ${events} events, ${splices} splice`);
  report({ name: 'edit.block_plan_ms', value: Math.round(ms), unit: 'ms', baseline: 'yaml.parse of the same file', baselineValue: Math.round(base), target: { max: 0.5 } });
}

if (process.argv[1] && process.argv[1].replace(/\.[mc]?[jt]s$/, '').endsWith('edit.bench')) {
  void run((f) => console.log(JSON.stringify(f)));
}
