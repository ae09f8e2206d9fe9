/**
 * Usage normalisation on the totals hosts report: cache tokens are part of the input, so a host
 * that counted its input without them gets them added back, once; nonsense numbers from a
 * broken file give a value, never a crash (the fuzz suite found a negative input recursing).
 */
import { describe, expect, it } from 'vitest';
import { openaiChatUsage } from '../../../shared/llm/usage';

describe('openaiChatUsage', () => {
  it('keeps input that already includes its cache reads', () => {
    expect(openaiChatUsage({ prompt_tokens: 100, completion_tokens: 20, prompt_tokens_details: { cached_tokens: 60 } })).toMatchObject({ inputTokens: 100, cacheReadTokens: 60 });
  });

  it('adds cache reads back once when the host left them out of the input', () => {
    const u = openaiChatUsage({ prompt_tokens: 40, completion_tokens: 20, total_tokens: 160, prompt_tokens_details: { cached_tokens: 100 } });
    expect(u).toMatchObject({ inputTokens: 140, cacheReadTokens: 100, cacheExcludedFromInput: true });
  });

  it('a negative input (a broken file) gives a value instead of recursing forever', () => {
    const u = openaiChatUsage({ prompt_tokens: -5, completion_tokens: 3 });
    expect(u.inputTokens).toBe(-5);
    expect(u.outputTokens).toBe(3);
  });
});
