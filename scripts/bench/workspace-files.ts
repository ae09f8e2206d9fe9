/**
 * The workspace bench's generated folder, file by file: 2,000 cassettes (~160 MB: go-vcr,
 * vcrpy, HAR, .yaml.gz; SSE streams up to 20 MB), the same every time (seeded). Its own module
 * so the fast-path equivalence suite can check a sample without the bench having run.
 */
import { gzipSync } from 'node:zlib';

/** Bump when the files change, so a kept folder from an older generator is rebuilt. */
export const CORPUS_VERSION = 1;
export const FILES = 2000;

let seed = 42;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const words = 'the quick brown fox jumps over lazy dog cassette replay stream token model answer'.split(' ');
const sentence = (n: number) => Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]).join(' ');
const sq = (s: string) => `'${s.replace(/'/g, "''")}'`;
const indent = (text: string, n: number) => text.split('\n').map((l) => (l ? ' '.repeat(n) + l : l)).join('\n');

function chatJson(model: string, text: string): string {
  return JSON.stringify({
    id: 'chatcmpl-1', object: 'chat.completion', model,
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
  });
}

function openaiSse(model: string, chunks: number): string {
  const out: string[] = [];
  for (let i = 0; i < chunks; i++)
    out.push(`data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', model, choices: [{ index: 0, delta: { content: words[i % words.length] + ' ' }, finish_reason: null }] })}\n`);
  out.push(`data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', model, choices: [], usage: { prompt_tokens: 120, completion_tokens: chunks, total_tokens: 120 + chunks } })}\n`);
  out.push('data: [DONE]\n');
  return out.join('\n');
}

function goVcrFile(n: number, streamChunks: number, bodyWords: number): string {
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    const req = JSON.stringify({ model: 'gpt-4o-mini', stream: streamChunks > 0, messages: [{ role: 'user', content: sentence(bodyWords) }] });
    const body = streamChunks > 0 ? `|\n${indent(openaiSse('gpt-4o-mini', streamChunks), 6)}` : sq(chatJson('gpt-4o-mini', sentence(bodyWords)));
    items.push(`- id: ${i}
  request:
    proto: HTTP/1.1
    content_length: ${req.length}
    body: ${sq(req)}
    headers:
      Content-Type:
      - application/json
    url: https://api.openai.com/v1/chat/completions
    method: POST
  response:
    proto: HTTP/2.0
    content_length: -1
    body: ${body}
    headers:
      Content-Type:
      - ${streamChunks > 0 ? 'text/event-stream' : 'application/json'}
    status: 200 OK
    code: 200
    duration: 1.2s`);
  }
  return `---\nversion: 2\ninteractions:\n${items.join('\n')}\n`;
}

function anthropicSse(chunks: number): string {
  const ev = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n`;
  const out = [ev('message_start', { type: 'message_start', message: { id: 'msg_1', model: 'claude-sonnet-4-20250514', usage: { input_tokens: 80, output_tokens: 1 } } })];
  out.push(ev('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }));
  for (let i = 0; i < chunks; i++) out.push(ev('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: words[i % words.length] + ' ' } }));
  out.push(ev('content_block_stop', { type: 'content_block_stop', index: 0 }));
  out.push(ev('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: chunks } }));
  out.push(ev('message_stop', { type: 'message_stop' }));
  return out.join('\n');
}

function vcrpyFile(n: number, streamChunks: number, bodyWords: number): string {
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    const req = JSON.stringify({ model: 'claude-sonnet-4-20250514', max_tokens: 1024, stream: streamChunks > 0, messages: [{ role: 'user', content: sentence(bodyWords) }] });
    const res = streamChunks > 0
      ? `|\n${indent(anthropicSse(streamChunks), 8)}`
      : sq(JSON.stringify({ id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-sonnet-4-20250514', content: [{ type: 'text', text: sentence(bodyWords) }], stop_reason: 'end_turn', usage: { input_tokens: 80, output_tokens: 40 } }));
    items.push(`- request:
    body: ${sq(req)}
    headers:
      content-type:
      - application/json
    method: POST
    uri: https://api.anthropic.com/v1/messages
  response:
    body:
      string: ${res}
    headers:
      content-type:
      - ${streamChunks > 0 ? 'text/event-stream' : 'application/json'}
    status:
      code: 200
      message: OK`);
  }
  return `interactions:\n${items.join('\n')}\nversion: 1\n`;
}

function harFile(n: number, bodyWords: number): string {
  const entries = Array.from({ length: n }, () => ({
    request: { method: 'POST', url: 'https://api.openai.com/v1/chat/completions', httpVersion: 'HTTP/1.1', headers: [{ name: 'content-type', value: 'application/json' }],
      postData: { mimeType: 'application/json', text: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: sentence(bodyWords) }] }) } },
    response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [{ name: 'content-type', value: 'application/json' }],
      content: { mimeType: 'application/json', size: 0, text: chatJson('gpt-4o', sentence(bodyWords)) } },
    startedDateTime: '2025-01-01T00:00:00.000Z', time: 120,
  }));
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'Polly.JS', version: '6.0.6' }, entries } }, null, 2);
}

/** One file spec per index: mostly small, some medium streams, a few large, three huge. */
function fileFor(i: number): { rel: string; data: string | Uint8Array } {
  const dir = `pkg${i % 20}/testdata/case${Math.floor(i / 20) % 10}`;
  if (i < 3) return { rel: `huge/stream${i}.yaml`, data: goVcrFile(1, [60_000, 80_000, 100_000][i], 10) };
  if (i < 20) return { rel: `large/s${i}.yaml`, data: vcrpyFile(2, 3500, 20) };
  if (i < 200) return { rel: `${dir}/stream${i}.yaml`, data: goVcrFile(2, 700 + Math.floor(rand() * 600), 30) };
  if (i < 260) return { rel: `${dir}/rec${i}.har`, data: harFile(3, 300) };
  if (i < 300) return { rel: `${dir}/lc${i}.yaml.gz`, data: gzipSync(Buffer.from(vcrpyFile(3, 0, 400))) };
  if (i < 320) return { rel: `${dir}/config${i}.yaml`, data: `name: job${i}\nsteps:\n  - run: make\n` };
  if (i % 2 === 0) return { rel: `${dir}/chat${i}.yaml`, data: goVcrFile(1 + (i % 4), 0, 300 + Math.floor(rand() * 500)) };
  return { rel: `${dir}/anthropic${i}.yaml`, data: vcrpyFile(1 + (i % 3), i % 5 === 0 ? 120 : 0, 300 + Math.floor(rand() * 500)) };
}

/** Every file in order; the generator's seed restarts with each call. */
export function* benchFiles(): Generator<{ rel: string; data: string | Uint8Array }> {
  seed = 42;
  for (let i = 0; i < FILES; i++) yield fileFor(i);
}
