/** match/order-dependent follows each recorder's default matcher (shared/match), not one fixed key. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintCassette } from '../../../shared/lint';
import { fixture } from './helpers';

const matchFixtures = join(__dirname, '../../fixtures/match');
const codes = (text: string, path: string) => lintCassette(text, path).filter((f) => f.code === 'match/order-dependent');

describe('match/order-dependent', () => {
  it('vcrpy ignores the body by default: two prompts to one URL are order-dependent', () => {
    expect(codes(fixture('match/order-dependent', 'bad'), 'bad.yaml')).toEqual([
      {
        code: 'match/order-dependent',
        severity: 'warning',
        interaction: 1,
        line: 18,
        column: 3,
        message: "vcrpy's default matcher cannot tell interaction 1 from interaction 0 (their responses differ): which one a request gets depends on replay order",
      },
    ]);
  });

  it("go-vcr v4's default matcher compares the body: a different prompt is no collision, an identical one is", () => {
    const repeat = readFileSync(join(matchFixtures, 'go-vcr-repeat.yaml'), 'utf8');
    expect(codes(repeat, 'go-vcr-repeat.yaml').map((f) => f.interaction)).toEqual([1]);
    const differentBody = repeat.replace('"messages":[],"stream":false}\'\n    headers:\n      Content-Type:\n      - application/json\n      User-Agent:\n      - openai-go/1.8.2\n    url: https://api.openai.com/v1/chat/completions\n    method: POST\n  response:\n    body: \'{"id":"two"', '"messages":[{}],"stream":false}\'\n    headers:\n      Content-Type:\n      - application/json\n      User-Agent:\n      - openai-go/1.8.2\n    url: https://api.openai.com/v1/chat/completions\n    method: POST\n  response:\n    body: \'{"id":"two"');
    expect(differentBody).not.toBe(repeat);
    expect(codes(differentBody, 'go-vcr-repeat.yaml')).toEqual([]);
  });
});
