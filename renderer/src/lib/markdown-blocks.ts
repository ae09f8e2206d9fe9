/**
 * Markdown of a streaming answer, block by block, so each new event re-renders only the block
 * it extends: the blocks before it keep their HTML (and their DOM nodes), which is what keeps
 * the text from flickering and reflowing while the scrubber moves. The same split renders the
 * settled text, so a pause never switches the layout either. This is the approach streaming
 * chat UIs use (memoised blocks; e.g. Vercel's streamdown), written here over `marked`.
 *
 * Blocks end at a blank line outside a code fence, unless the next line is indented (a list
 * item's continuation or a nested block, which must stay with its item). An unclosed fence
 * runs to the end of the text, as CommonMark says, so a half-streamed code block is code.
 */
import { renderMarkdown } from './markdown';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function splitBlocks(text: string): string[] {
  const blocks: string[] = [];
  let start = 0;
  let fence: string | null = null;
  let blankBefore = false;
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl + 1;
    const line = text.slice(pos, nl < 0 ? text.length : nl);
    if (fence === null && blankBefore && line.trim() !== '' && !/^[ \t]/.test(line) && pos > start) {
      blocks.push(text.slice(start, pos));
      start = pos;
    }
    const f = FENCE.exec(line);
    if (f) {
      const mark = f[1];
      if (fence === null) fence = mark;
      else if (mark[0] === fence[0] && mark.length >= fence.length && line.trim() === mark) fence = null;
    }
    blankBefore = fence === null && line.trim() === '';
    pos = end;
  }
  if (start < text.length) blocks.push(text.slice(start));
  return blocks;
}

/** Rendered blocks by source; a stream's finished blocks repeat on every later event. */
const cache = new Map<string, string>();
const CACHE_MAX = 2000;

export function renderBlock(src: string): string {
  let html = cache.get(src);
  if (html === undefined) {
    html = renderMarkdown(src);
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
    cache.set(src, html);
  }
  return html;
}
