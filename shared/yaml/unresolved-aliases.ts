/**
 * Aliases whose anchor is not defined before them. yaml's composer accepts them silently (only
 * its toJS throws), so `interactions: *nope` read as "no interactions" instead of an error;
 * the loader reports them like yaml's own errors, at the alias.
 */
import { isAlias, visit, YAMLParseError } from 'yaml';
import type { Document } from 'yaml';

export function unresolvedAliasErrors(doc: Document.Parsed): YAMLParseError[] {
  const out: YAMLParseError[] = [];
  const anchors = new Set<string>();
  // visit walks in document order, so an anchor is seen before any alias that may use it.
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      if (!anchors.has(node.source)) {
        const at = node.range?.[0] ?? 0;
        out.push(new YAMLParseError([at, at + 1], 'BAD_ALIAS', `Unresolved alias *${node.source} (no anchor &${node.source} before it)`));
      }
      return;
    }
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor) anchors.add(anchor);
  });
  return out;
}
