/**
 * Golden files: every test/fixtures/formats/<name>.<ext> has a <name>.expected.json projection.
 * UPDATE_GOLDEN=1 rewrites them; review the diff by eye before committing.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../../shared/cassette/parse';
import { project } from './project';
import { registerNodeCodecs } from '../../../main/backend/node-codecs';

registerNodeCodecs();
const dir = path.resolve(__dirname, '../../fixtures/formats');
const fixtures = readdirSync(dir).filter((f) => !f.endsWith('.expected.json') && !f.startsWith('.'));
const expectedPath = (f: string) => path.join(dir, f.replace(/\.(ya?ml|har|json)(\.gz)?$/, '') + '.expected.json');

describe('format golden files', () => {
  it('has fixtures for every format', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
  });
  for (const f of fixtures) {
    it(f, () => {
      const got = project(parseCassette({ path: f, bytes: readFileSync(path.join(dir, f)) }));
      const file = expectedPath(f);
      if (!process.env.UPDATE_GOLDEN && !existsSync(file)) throw new Error(`missing ${file}: run with UPDATE_GOLDEN=1 and review it`);
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, JSON.stringify(got, null, 2) + '\n');
      expect(got).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});
