/** A synthetic OpenAI chat stream: text deltas, then parallel tool calls streamed in fragments, usage, [DONE]. */
import type { StreamEvent } from '../../shared/model/llm';

export function generateOpenAiStream(n: number): StreamEvent[] {
  const events: StreamEvent[] = [];
  const push = (json: unknown) => {
    const data = typeof json === 'string' ? json : JSON.stringify(json);
    const ev: StreamEvent = { index: events.length, offset: 0, length: data.length + 8, event: 'message', data };
    if (typeof json !== 'string') ev.json = json;
    events.push(ev);
  };
  const chunk = (delta: object) => ({ id: 'gen-1', object: 'chat.completion.chunk', model: 'm', choices: [{ index: 0, delta, finish_reason: null }] });
  const textEvents = Math.floor(n * 0.7);
  for (let i = 0; i < textEvents; i++) push(chunk({ content: `w${i % 97} ` }));
  const callEvents = n - textEvents - 3;
  const calls = 20;
  const per = Math.floor(callEvents / calls);
  for (let c = 0; c < calls; c++) {
    push(chunk({ tool_calls: [{ index: c, id: `call_${c}`, type: 'function', function: { name: `tool_${c}`, arguments: '{"items": [' } }] }));
    for (let k = 1; k < per - 1; k++) push(chunk({ tool_calls: [{ index: c, function: { arguments: `${k}, ` } }] }));
    push(chunk({ tool_calls: [{ index: c, function: { arguments: '0]}' } }] }));
  }
  while (events.length < n - 3) push(chunk({ content: '' }));
  push({ id: 'gen-1', choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] });
  push({ id: 'gen-1', choices: [], usage: { prompt_tokens: 100, completion_tokens: n, total_tokens: n + 100 } });
  push('[DONE]');
  return events;
}
