/** Tool-call arguments: valid JSON, a declared tool, and the declared parameter schema. */
import type { RawFinding } from '../types';
import type { RuleCtx } from '../context';
import { finding, pairs, q } from '../context';
import { findInRange } from '../positions';
import { validateSchema } from '../json-schema';

export function invalidArguments(ctx: RuleCtx): RawFinding[] {
  const out: RawFinding[] = [];
  for (const { it, ia } of pairs(ctx)) {
    for (const c of ia?.message?.toolCalls ?? []) {
      if (c.parse !== 'invalid' && c.parse !== 'partial') continue;
      const why = c.parse === 'partial' ? 'stop before the JSON is complete' : 'are not valid JSON';
      out.push(
        finding(
          'tool-call/invalid-arguments',
          `Arguments of tool call ${q(c.id)} (${c.name}) ${why}: ${c.arguments.slice(0, 80)}`,
          it.index,
          findInRange(ctx.lines, it.ranges.responseBody, c.id ?? c.name),
        ),
      );
    }
  }
  return out;
}

export function schemaMismatch(ctx: RuleCtx): RawFinding[] {
  const out: RawFinding[] = [];
  for (const { it, ia } of pairs(ctx)) {
    const tools = ia?.request?.tools ?? [];
    for (const c of ia?.message?.toolCalls ?? []) {
      const decl = tools.find((t) => t.name === c.name);
      if (!decl || decl.schema === undefined) continue;
      let value: unknown;
      if (c.parse === 'complete') value = c.value;
      else if (c.parse === 'empty') value = {};
      else continue; // invalid JSON is the other rule's finding
      const errors = validateSchema(value, decl.schema);
      if (errors.length === 0) continue;
      const list = errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`).join('; ');
      out.push(
        finding(
          'tool-call/schema-mismatch',
          `Arguments of tool call ${q(c.id)} do not match the schema of "${c.name}": ${list}${errors.length > 3 ? ` (+${errors.length - 3} more)` : ''}`,
          it.index,
          findInRange(ctx.lines, it.ranges.responseBody, c.id ?? c.name),
        ),
      );
    }
  }
  return out;
}

export function undeclaredTools(ctx: RuleCtx): RawFinding[] {
  const out: RawFinding[] = [];
  for (const { it, ia } of pairs(ctx)) {
    const tools = ia?.request?.tools ?? [];
    if (tools.length === 0) continue; // some providers declare tools out of band; nothing to compare with
    for (const c of ia?.message?.toolCalls ?? []) {
      if (c.name === '' || tools.some((t) => t.name === c.name)) continue;
      out.push(
        finding(
          'tool-call/undeclared-tool',
          `Tool call ${q(c.id)} names "${c.name}", which the request did not declare (declared: ${tools.map((t) => t.name).join(', ')})`,
          it.index,
          findInRange(ctx.lines, it.ranges.responseBody, c.name),
        ),
      );
    }
  }
  return out;
}
