import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../../main/cli/index';

const dialects = fileURLToPath(new URL('../../fixtures/dialects/', import.meta.url));

async function inspect(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['inspect', ...argv], { stdout: (s) => out.push(s), stderr: (s) => err.push(s), cwd: dialects });
  return { code, out: out.join(''), err: err.join('') };
}

describe('tapedeck inspect', () => {
  it('--json prints one object per file, one per line, with the contract keys', async () => {
    const r = await inspect(['--json', 'openai-chat-stream.yaml', 'anthropic-stream.yaml']);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(expect.arrayContaining(['file', 'format', 'formatVersion', 'diagnostics', 'interactions', 'totals']));
      expect(l.format).toBe('go-vcr');
      const i = l.interactions[0];
      expect(Object.keys(i)).toEqual(expect.arrayContaining(['index', 'method', 'url', 'status', 'provider', 'model', 'streaming', 'events', 'message', 'usage', 'cost']));
      expect(i.streaming).toBe(true);
      expect(i.events).toBeGreaterThan(1);
    }
    expect(lines[1].interactions[0].provider).toBe('anthropic');
  });

  it('prints a readable summary by default', async () => {
    const r = await inspect(['openai-chat-stream.yaml']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/go-vcr v2/);
    expect(r.out).toMatch(/openai-chat/);
  });

  it('a broken or missing file still yields its object with a positioned error, and exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tapedeck-inspect-'));
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'version: 2\ninteractions:\n- id: 0\n  request: {method: GET\n  bad: [\n');
    const r = await inspect(['--json', broken, join(dir, 'missing.yaml')]);
    expect(r.code).toBe(1);
    const [a, b] = r.out.trim().split('\n').map((l) => JSON.parse(l));
    const err = a.diagnostics.find((d: { severity: string }) => d.severity === 'error');
    expect(err.line).toBeGreaterThanOrEqual(4);
    expect(err.column).toBeGreaterThan(0);
    expect(b.diagnostics[0]).toMatchObject({ severity: 'error', code: 'file.unreadable' });
  });
});
