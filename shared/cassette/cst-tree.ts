/**
 * Index fast path: builds the same `yaml` nodes the readers walk (Scalar/YAMLMap/YAMLSeq)
 * straight from yaml's CST, skipping the composer (ranges, props, schema resolution, line
 * counting) and resolving huge literal block scalars by line slicing (shared/yaml/block-literal.ts).
 *
 * It accepts only a conservative subset of YAML (what recorders write): one document, block
 * collections, untagged scalars (plus `!!binary`/`!binary`), no anchors, aliases, comments,
 * tabs in indentation, flow collections or directives. Anything else, and anything the
 * composer would report (duplicate keys, bad indentation, multi-line keys, scalar errors),
 * returns null and the caller parses with the full composer, which produces the exact
 * diagnostics. So a file the full parser rejects can never come out of here as OK.
 */
import { CST, Parser, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Node } from 'yaml';
import { resolveLiteralFast } from '../yaml/block-literal';
import { fastMap, fastPair, fastScalar, fastSeq } from './fast-nodes';
import { Base64Text } from '../yaml/load';

type Tok = CST.Token;
type Src = CST.SourceToken;

/** Thrown (and caught in `cstRoot`) to leave the fast path; never escapes this module. */
class Bail extends Error {}
const bail = (why: string): never => {
  throw new Bail(why);
};

/** Block scalars above this size skip yaml's resolver (its line split dominated profiles). */
const BIG_BLOCK = 8 * 1024;

/** The root node of `text`, or null when the fast path must not decide for this file. */
export function cstRoot(text: string): Node | null {
  try {
    let doc: CST.Document | null = null;
    for (const tok of new Parser().parse(text)) {
      if (tok.type !== 'document' || doc) return null;
      doc = tok;
    }
    if (!doc || !doc.value || doc.value.type !== 'block-map') return null;
    for (const s of doc.start) if (s.type !== 'doc-start' && !isBlank(s)) return null;
    for (const s of doc.end ?? []) if (!isBlank(s)) return null;
    return blockMap(doc.value);
  } catch (e) {
    if (e instanceof Bail) return null;
    throw e;
  }
}

/** Spaces (no tab: the composer rejects tab indentation) or line breaks. */
function isBlank(s: Src | Tok): boolean {
  return s.type === 'newline' || (s.type === 'space' && !s.source.includes('\t'));
}

function blockMap(bm: CST.BlockMap): YAMLMap {
  const map = fastMap();
  const seen = new Set<string>();
  for (const item of bm.items) {
    const { start, key, sep, value } = item;
    for (const s of start) if (!isBlank(s)) bail('key props');
    if (!key || !sep || (item as { explicitKey?: boolean }).explicitKey) return bail('key shape');
    const k = key;
    if (k.type !== 'scalar' && k.type !== 'single-quoted-scalar' && k.type !== 'double-quoted-scalar') return bail('key type');
    if (k.indent !== bm.indent || k.source.includes('\n') || k.source.includes('\r')) bail('key indent');
    if (k.end) for (const s of k.end) if (s.type !== 'space' || s.source.includes('\t')) bail('key end');
    const keyText = flowValue(k);
    if (seen.has(keyText)) bail('duplicate key');
    seen.add(keyText);
    let found = false;
    let newline = false;
    let tag: string | null = null;
    for (const s of sep) {
      if (s.type === 'map-value-ind' && !found && !tag) {
        found = true;
        if (s.offset - k.offset > 1000) bail('long key');
      } else if (s.type === 'tag' && found && !tag) tag = s.source;
      else if (isBlank(s)) newline ||= s.type === 'newline';
      else bail('value props');
    }
    if (!found) bail('no value indicator');
    if (tag && newline) bail('tag then newline');
    if (value && (value.type === 'block-map' || value.type === 'block-seq') && !newline) bail('compact collection');
    const keyNode = fastScalar(keyText, k.type === 'scalar' ? 'PLAIN' : k.type === 'single-quoted-scalar' ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE');
    map.items.push(fastPair(keyNode, node(value, tag)));
  }
  return map;
}

function blockSeq(bs: CST.BlockSequence): YAMLSeq {
  const seq = fastSeq();
  for (const { start, value } of bs.items) {
    let found = false;
    let tag: string | null = null;
    let newline = false;
    for (const s of start) {
      if (s.type === 'seq-item-ind' && !found) found = true;
      else if (s.type === 'tag' && found && !tag) tag = s.source;
      else if (isBlank(s)) newline ||= found && s.type === 'newline';
      else bail('item props');
    }
    if (!found || (tag && newline)) bail('item shape');
    seq.items.push(node(value, tag));
  }
  return seq;
}

function node(tok: Tok | undefined, tag: string | null): Node {
  if (tag !== null && tag !== '!!binary' && tag !== '!binary') bail('tag');
  if (!tok) {
    // `key:` with nothing after it: the composer's empty plain scalar.
    if (tag) bail('tagged empty');
    return fastScalar('', 'PLAIN');
  }
  switch (tok.type) {
    case 'block-map':
      if (tag) bail('tagged map');
      return blockMap(tok);
    case 'block-seq':
      if (tag) bail('tagged seq');
      return blockSeq(tok);
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar': {
      if (tok.end) for (const s of tok.end) if (!isBlank(s)) bail('scalar end');
      const type = tok.type === 'scalar' ? 'PLAIN' : tok.type === 'single-quoted-scalar' ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
      return scalar(flowValue(tok), type, tag);
    }
    case 'block-scalar':
      return scalar(blockValue(tok), 'BLOCK_LITERAL', tag);
    default:
      return bail(tok.type);
  }
}

function scalar(value: string, type: Scalar.Type, tag: string | null): Scalar {
  // `!!binary` stays base64 text, as lazyBinaryTag does in the full path.
  const s = fastScalar(tag ? new Base64Text(value) : value, type);
  if (tag) s.tag = tag === '!binary' ? '!binary' : 'tag:yaml.org,2002:binary';
  return s;
}

const onError = () => bail('scalar error');

function flowValue(tok: CST.FlowScalar): string {
  // Plain scalars that look like YAML syntax the composer rejects are yaml's own business.
  if (tok.type === 'scalar' && (tok.source === '' || '#&*!|>%@`'.includes(tok.source[0]))) bail('odd plain');
  const r = CST.resolveAsScalar(tok, true, onError);
  if (!r) return bail('unresolved');
  return r.value;
}

function blockValue(tok: CST.BlockScalar): string {
  const header = tok.props[0];
  if (tok.props.length !== 2 || header?.type !== 'block-scalar-header' || tok.props[1].type !== 'newline') return bail('block header');
  const h = header.source;
  if (h !== '|' && h !== '|-' && h !== '|+') bail('block style'); // folded or explicit indent: full path
  if (tok.source.length > BIG_BLOCK) {
    const fast = resolveLiteralFast(tok.source, tok.indent, h === '|-' ? '-' : h === '|+' ? '+' : '');
    if (fast !== null) return fast;
  }
  const r = CST.resolveAsScalar(tok, true, onError);
  if (!r) return bail('unresolved');
  return r.value;
}
