/**
 * shared/cassette/fast-nodes.ts builds yaml's nodes without their constructors and marks them
 * with yaml's private node-type symbol. That is why package.json pins `yaml` to one exact
 * version: these tests fail loudly, with what to check, if an upgrade changes that contract.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isPair, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastMap, fastPair, fastScalar, fastSeq } from '../../../shared/cassette/fast-nodes';

const root = path.resolve(__dirname, '../../..');
const pinned = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies.yaml;
const installed = (JSON.parse(readFileSync(path.join(root, 'node_modules/yaml/package.json'), 'utf8')) as { version: string }).version;
const NODE_TYPE = Symbol.for('yaml.node.type');

const WHY = 'shared/cassette/fast-nodes.ts relies on yaml\'s private node-type symbol (nodes/identity.js); re-check it before changing the yaml version';

describe('yaml is pinned to the version fast-nodes was written against', () => {
  it('package.json names one exact version, and it is the installed one', () => {
    expect(pinned, `package.json must pin yaml exactly (no ^ or ~): ${WHY}`).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed, `installed yaml ${installed} is not the pinned ${pinned}: ${WHY}`).toBe(pinned);
  });

  it("yaml's own nodes still carry Symbol.for('yaml.node.type') with the kind symbols fast-nodes uses", () => {
    const marks = [new Scalar(1), new Pair(null), new YAMLMap(), new YAMLSeq()].map((n) => (n as unknown as Record<symbol, unknown>)[NODE_TYPE]);
    expect(marks, WHY).toEqual([Symbol.for('yaml.scalar'), Symbol.for('yaml.pair'), Symbol.for('yaml.map'), Symbol.for('yaml.seq')]);
  });

  it('nodes built without constructors pass yaml\'s type guards and serialize like real ones', () => {
    const m = fastMap();
    const s = fastSeq();
    s.items.push(fastScalar(2, 'PLAIN'));
    m.items.push(fastPair(fastScalar('a', 'PLAIN'), s));
    expect([isMap(m), isSeq(s), isScalar(s.items[0]), isPair(m.items[0])], WHY).toEqual([true, true, true, true]);
    expect(m.toJSON(), WHY).toEqual({ a: [2] });
    expect(m.get('a'), WHY).toBe(s);
  });
});
