/**
 * Registers js-tiktoken (pure JS, offline rank tables) as the tokenizer for usage estimates.
 * Import this module for its side effect only where estimates are wanted: it pulls ~3.4 MB of
 * rank tables into the bundle, so the workspace index must not import it.
 */
import { Tiktoken, type TiktokenBPE } from 'js-tiktoken/lite';
import cl100k_base from 'js-tiktoken/ranks/cl100k_base';
import o200k_base from 'js-tiktoken/ranks/o200k_base';
import type { TokenizerEncoding } from '../model/llm';
import { registerTokenizer, type TokenCounter } from './estimate-usage';

const RANKS: Record<TokenizerEncoding, TiktokenBPE> = { o200k_base, cl100k_base };

/**
 * Building an encoder parses its rank table (~0.6 s for o200k_base), so it happens on first
 * use, i.e. only when some interaction actually needs an estimate.
 */
export function tiktokenCounter(enc: TokenizerEncoding): TokenCounter {
  const t = new Tiktoken(RANKS[enc]);
  // Special-token text in a recorded message (e.g. "<|endoftext|>") is counted as plain text
  // instead of throwing, which is how the API treats user content.
  return { count: (text) => t.encode(text, [], []).length };
}

registerTokenizer(tiktokenCounter);
