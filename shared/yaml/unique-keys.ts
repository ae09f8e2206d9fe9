/**
 * Duplicate mapping keys, found in linear time. yaml's own `uniqueKeys` check compares every
 * new key with all the keys before it (`items.some(...)`), so a mapping of 30,000 keys took
 * 6 s to load and 300,000 over two minutes; the loader turns it off and runs this instead,
 * which reports the same DUPLICATE_KEY error at the same place (the repeated key).
 */
import { isMap, isScalar, visit, YAMLParseError } from 'yaml';
import type { Document } from 'yaml';

/** A stand-in for an empty key (`: x`): yaml counts two of them in one mapping as duplicates. */
const EMPTY_KEY = Symbol('empty key');

export function duplicateKeyErrors(doc: Document.Parsed): YAMLParseError[] {
  const out: YAMLParseError[] = [];
  visit(doc, {
    Map(_k, map) {
      if (!isMap(map) || map.items.length < 2) return;
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key;
        // Like yaml's default: scalars compare by value, anything else only by identity.
        const id = key == null ? EMPTY_KEY : isScalar(key) ? key.value : key;
        if (!seen.has(id)) {
          seen.add(id);
          continue;
        }
        const at = isScalar(key) && key.range ? key.range[0] : (map.range?.[0] ?? 0);
        out.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
      }
    },
  });
  return out;
}
