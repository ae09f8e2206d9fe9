/**
 * Compares the index line scanner (scanRoot) with yaml's full composer, node by node: node
 * kind, scalar style, value (Base64Text for `!!binary`), key order. Used by the scanner tests.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node } from 'yaml';
import { scanRoot } from '../../../shared/cassette/line-scan';
import { Base64Text, loadYaml } from '../../../shared/yaml/load';

export function norm(n: unknown): unknown {
  if (isScalar(n)) {
    const v = n.value instanceof Base64Text ? { base64: n.value.text } : n.value;
    return { s: n.type, v };
  }
  if (isMap(n)) return { map: n.items.map((p) => [norm(p.key), norm(p.value)]) };
  if (isSeq(n)) return { seq: n.items.map(norm) };
  return n === null || n === undefined ? null : { other: String(n) };
}

export interface ScanVsYaml {
  /** null when the scanner declined. */
  scanned: unknown;
  /** yaml's tree, or null when yaml reports an error or a warning (the full path would). */
  yaml: unknown;
  yamlProblem: string | null;
}

export function scanVsYaml(text: string): ScanVsYaml {
  const root: Node | null = scanRoot(text);
  const { doc } = loadYaml(text);
  const problem = doc.errors[0]?.message ?? doc.warnings[0]?.message ?? null;
  return { scanned: root ? norm(root) : null, yaml: problem ? null : norm(doc.contents), yamlProblem: problem };
}
