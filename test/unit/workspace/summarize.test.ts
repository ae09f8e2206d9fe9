import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCassette } from '../../../shared/cassette/parse';
import { analyzeCassette } from '../../../shared/llm/analyze';
import { utf8Encode } from '../../../shared/util/bytes';
import {
  classify,
  hasCassetteExtension,
  hostOf,
  interactionFingerprints,
  summarizeCassette,
} from '../../../shared/workspace/summarize';
import { goVcr, vcrpy } from './helpers';

const parse = (path: string, text: string) => parseCassette({ path, bytes: utf8Encode(text) });
const ref = { rootId: 'r', relPath: 'x.yaml' };
const stat = { size: 10, mtimeMs: 1 };

describe('summarizeCassette', () => {
  it('summarises a go-vcr cassette: hosts, providers, models, tokens, error statuses', () => {
    const c = parse('x.yaml', goVcr([{ model: 'gpt-4o-mini' }, { model: 'gpt-4o', status: 429, host: 'openrouter.ai' }]));
    const s = summarizeCassette(ref, stat, c, analyzeCassette(c));
    expect(s.kind).toBe('cassette');
    expect(s.format).toBe('go-vcr');
    expect(s.interactions).toBe(2);
    expect(s.hosts).toEqual(['api.openai.com', 'openrouter.ai']);
    expect(s.providers).toContain('openai-chat');
    expect(s.models).toContain('gpt-4o-mini');
    expect(s.errorStatuses).toEqual([429]);
    expect(s.inputTokens).toBeGreaterThanOrEqual(10);
    expect(s.size).toBe(10);
  });

  it('counts LLM responses without usage (a cut-off stream), and only those', () => {
    const dir = join(__dirname, '../../fixtures/estimate');
    const read = (f: string) => parseCassette({ path: f, bytes: readFileSync(join(dir, f)) });
    const truncated = read('openai-chat-truncated.yaml');
    expect(summarizeCassette(ref, stat, truncated, analyzeCassette(truncated)).usageMissing).toBe(1);
    const complete = read('openai-chat-complete.yaml');
    expect(summarizeCassette(ref, stat, complete, analyzeCassette(complete)).usageMissing).toBeUndefined();
  });

  it('summarises a vcrpy cassette', () => {
    const c = parse('v.yaml', vcrpy());
    const s = summarizeCassette(ref, stat, c, analyzeCassette(c));
    expect(s.format).toBe('vcrpy');
    expect(s.providers).toEqual(['anthropic']);
    expect(s.inputTokens).toBe(8);
    expect(s.outputTokens).toBe(3);
  });

  it('lists YAML that is no cassette quietly, and broken YAML as a cassette with its error', () => {
    expect(classify(parse('ci.yaml', 'name: build\non: [push]\n'))).toBe('not-cassette');
    const broken = parse('b.yaml', 'interactions:\n- request: {\n  x: [\n');
    expect(classify(broken)).toBe('cassette');
    const s = summarizeCassette(ref, stat, broken, null);
    expect(s.diagnostics.error).toBeGreaterThan(0);
    expect(s.firstError?.line).toBeGreaterThan(0);
  });

  it('fingerprints ignore formatting but see content', () => {
    const a = interactionFingerprints(parse('a.yaml', goVcr([{}, {}])));
    const b = interactionFingerprints(parse('a.yaml', goVcr([{}, { content: 'different' }])));
    expect(a[0]).toBe(b[0]);
    expect(a[1]).not.toBe(b[1]);
  });

  it('knows cassette extensions and hosts', () => {
    expect(['a.yaml', 'b.YML', 'c.yaml.gz', 'd.har', 'e.json'].every(hasCassetteExtension)).toBe(true);
    expect(hasCassetteExtension('f.txt')).toBe(false);
    expect(hostOf('https://user:pw@API.example.com:8443/x?y')).toBe('api.example.com:8443');
    expect(hostOf('not a url')).toBeNull();
  });
});

describe('not-cassette rows say what the file is instead', () => {
  it('a WebSocket message log and a plain YAML file', () => {
    const ws = parse('ws.yaml', 'interactions:\n- kind: message\n  direction: sent\n  data: "{}"\nversion: 1\n');
    const s = summarizeCassette(ref, stat, ws, analyzeCassette(ws));
    expect(s.kind).toBe('not-cassette');
    expect(s.note).toMatch(/WebSocket/);
    const cfg = parse('cfg.yaml', 'name: build\non: push\n');
    expect(summarizeCassette(ref, stat, cfg, analyzeCassette(cfg)).note).toMatch(/Not a cassette/);
  });
});
