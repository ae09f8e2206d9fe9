/** Shared helpers for the workspace tests: real temp folders, small cassettes, event waits. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { EventName, EventPayload, IndexBatch, WorkspaceInfo } from '../../../shared/api/contract';
import type { CassetteSummary } from '../../../shared/model/summary';

export function tempDir(prefix = 'tapedeck-ws-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function writeFile(root: string, rel: string, content: string | Uint8Array): string {
  const abs = join(root, ...rel.split('/'));
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, content);
  return abs;
}

export interface Call {
  content?: string;
  model?: string;
  status?: number;
  host?: string;
  promptTokens?: number;
  completionTokens?: number;
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** A go-vcr v4 (`version: 2`) cassette with OpenAI chat completions. */
export function goVcr(calls: Call[]): string {
  const items = calls.map((c, i) => {
    const model = c.model ?? 'gpt-4o-mini';
    const req = JSON.stringify({ model, messages: [{ role: 'user', content: `question ${i}` }] });
    const res = JSON.stringify({
      id: `chatcmpl-${i}`,
      object: 'chat.completion',
      model,
      choices: [{ index: 0, message: { role: 'assistant', content: c.content ?? `answer ${i}` }, finish_reason: 'stop' }],
      usage: { prompt_tokens: c.promptTokens ?? 10, completion_tokens: c.completionTokens ?? 5, total_tokens: (c.promptTokens ?? 10) + (c.completionTokens ?? 5) },
    });
    const status = c.status ?? 200;
    return `- id: ${i}
  request:
    proto: HTTP/1.1
    proto_major: 1
    proto_minor: 1
    content_length: ${req.length}
    host: ""
    body: ${q(req)}
    headers:
      Content-Type:
      - application/json
    url: https://${c.host ?? 'api.openai.com'}/v1/chat/completions
    method: POST
  response:
    proto: HTTP/2.0
    proto_major: 2
    proto_minor: 0
    content_length: -1
    body: ${q(res)}
    headers:
      Content-Type:
      - application/json
    status: ${status} ${status === 200 ? 'OK' : 'Error'}
    code: ${status}
    duration: 1.5s`;
  });
  return `---\nversion: 2\ninteractions:\n${items.join('\n')}\n`;
}

/** A vcrpy cassette with one Anthropic messages call. */
export function vcrpy(text = 'hello'): string {
  const req = JSON.stringify({ model: 'claude-3-5-haiku-latest', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] });
  const res = JSON.stringify({
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: 'claude-3-5-haiku-20241022',
    content: [{ type: 'text', text }],
    stop_reason: 'end_turn',
    usage: { input_tokens: 8, output_tokens: 3 },
  });
  return `interactions:
- request:
    body: ${q(req)}
    headers:
      content-type:
      - application/json
    method: POST
    uri: https://api.anthropic.com/v1/messages
  response:
    body:
      string: ${q(res)}
    headers:
      content-type:
      - application/json
    status:
      code: 200
      message: OK
version: 1
`;
}

/** Collects emitted events and waits for conditions on them, without fixed sleeps. */
export class Recorder {
  batches: IndexBatch[] = [];
  infos: WorkspaceInfo[] = [];
  private waiters: { check: () => boolean; resolve: () => void }[] = [];

  emit = <K extends EventName>(event: K, payload: EventPayload<K>): void => {
    if (event === 'indexChanged') this.batches.push(payload as IndexBatch);
    else this.infos.push(payload as WorkspaceInfo);
    this.waiters = this.waiters.filter((w) => {
      if (!w.check()) return true;
      w.resolve();
      return false;
    });
  };

  /** The index as the UI would hold it after applying every batch so far. */
  rows(): Map<string, CassetteSummary> {
    const rows = new Map<string, CassetteSummary>();
    for (const b of this.batches) {
      for (const r of b.removed) rows.delete(r.relPath);
      for (const s of b.upserted) rows.set(s.relPath, s);
    }
    return rows;
  }

  changed(): IndexBatch['changed'] {
    return this.batches.flatMap((b) => b.changed);
  }

  waitFor(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
      this.waiters.push({
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /**
   * Resolves once the watcher has reported everything written to `root` before the call.
   * chokidar reports in order, each write after the same settle wait, so when a probe file
   * written now has come and gone, every earlier echo has arrived: a test that checks that
   * something did NOT happen waits for this instead of sleeping.
   */
  async caughtUp(root: string): Promise<void> {
    const probe = `zz-probe-${(this.probes += 1)}.yaml`;
    const file = writeFile(root, probe, 'version: 2\ninteractions: []\n');
    await this.waitRow(probe, () => true, `${probe} seen`);
    rmSync(file);
    await this.waitRow(probe, 'absent', `${probe} gone`);
  }
  private probes = 0;

  /** Waits until the row for relPath satisfies `pred` (or is absent, when pred is 'absent'). */
  waitRow(relPath: string, pred: ((s: CassetteSummary) => boolean) | 'absent', what = relPath): Promise<void> {
    return this.waitFor(() => {
      const r = this.rows().get(relPath);
      return pred === 'absent' ? r === undefined : r !== undefined && pred(r);
    }, what);
  }
}
