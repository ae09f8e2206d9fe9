/**
 * Golden dialect fixtures: each test/fixtures/dialects/<name>.yaml (go-vcr v2) has a
 * <name>.expected.json holding its inspectJson output. UPDATE_GOLDEN=1 rewrites them (then check by eye).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../../shared/cassette/parse';
import { inspectJson } from '../../../shared/inspect/inspect-json';
import { analyzeCassette } from '../../../shared/llm/analyze';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/dialects');
const names = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));

describe('dialect golden fixtures', () => {
  it('has one fixture per dialect', () => expect(names.length).toBeGreaterThanOrEqual(16));
  for (const name of names) {
    it(name, () => {
      const rel = `test/fixtures/dialects/${name}.yaml`;
      const c = parseCassette({ path: rel, bytes: readFileSync(path.join(dir, `${name}.yaml`)) });
      const actual = JSON.parse(JSON.stringify(inspectJson(c, analyzeCassette(c))));
      const file = path.join(dir, `${name}.expected.json`);
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
      expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});
