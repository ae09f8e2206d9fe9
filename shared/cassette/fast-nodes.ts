/**
 * yaml's node classes, built without their constructors. NodeBase's constructor marks every
 * node with `Object.defineProperty(this, NODE_TYPE, …)`, a slow runtime call: building the
 * nodes of a folder's worth of cassettes that way was ~10% of indexing. These share the real
 * prototypes (instanceof, isScalar/isMap/…, get(), toJSON() all work) and carry the type
 * mark on a per-kind prototype instead. The index fast paths only; the editor keeps yaml's own.
 */
import { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Node } from 'yaml';

// yaml's own registry keys (nodes/identity.js): the same symbols, shared across copies of yaml.
const NODE_TYPE = Symbol.for('yaml.node.type');
const mark = <T extends object>(proto: T, type: string): T =>
  Object.create(proto, { [NODE_TYPE]: { value: Symbol.for(type) } }) as T;

const SCALAR = mark(Scalar.prototype, 'yaml.scalar');
const PAIR = mark(Pair.prototype, 'yaml.pair');
const MAP = mark(YAMLMap.prototype, 'yaml.map');
const SEQ = mark(YAMLSeq.prototype, 'yaml.seq');

export function fastScalar(value: unknown, type: Scalar.Type): Scalar {
  const s = Object.create(SCALAR) as Scalar;
  s.value = value;
  s.type = type;
  return s;
}

export function fastPair(key: Node, value: Node | null): Pair {
  const p = Object.create(PAIR) as Pair;
  p.key = key;
  p.value = value;
  return p;
}

export function fastMap(): YAMLMap {
  const m = Object.create(MAP) as YAMLMap;
  m.items = [];
  return m;
}

export function fastSeq(): YAMLSeq {
  const s = Object.create(SEQ) as YAMLSeq;
  s.items = [];
  return s;
}
