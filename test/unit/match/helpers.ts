import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCassette } from '../../../shared/cassette/parse';
import { recordedRequest } from '../../../shared/match';
import type { MatchRequest } from '../../../shared/match';

export const FIXTURES = join(__dirname, '../../fixtures/match');

export function loadRecorded(name: string): MatchRequest[] {
  const c = parseCassette({ path: name, bytes: readFileSync(join(FIXTURES, name)) });
  return c.interactions.map(recordedRequest);
}

export function req(method: string, url: string, headers: Record<string, string> = {}, body: string | null = null): MatchRequest {
  return { method, url, headers: Object.entries(headers).map(([name, value]) => ({ name, value })), body };
}
