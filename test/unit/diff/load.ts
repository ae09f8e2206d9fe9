import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCassette } from '../../../shared/cassette/parse';
import type { Cassette } from '../../../shared/model/cassette';

export const fixtureDir = path.resolve(__dirname, '../../fixtures/diff');

export function load(name: string): Cassette {
  return parseCassette({ path: name, bytes: readFileSync(path.join(fixtureDir, name)) });
}
