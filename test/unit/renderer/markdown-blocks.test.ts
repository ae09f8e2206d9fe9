import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../renderer/src/lib/markdown';
import { renderBlock, splitBlocks } from '../../../renderer/src/lib/markdown-blocks';

describe('streamed Markdown blocks', () => {
  it('splits at blank lines outside fences; the pieces join back to the text', () => {
    const text = 'Intro **bold**.\n\n```js\nconst a = 1;\n\nconst b = 2;\n```\n\nLast para.';
    const blocks = splitBlocks(text);
    expect(blocks).toEqual(['Intro **bold**.\n\n', '```js\nconst a = 1;\n\nconst b = 2;\n```\n\n', 'Last para.']);
    expect(blocks.join('')).toBe(text);
  });

  it('keeps an unclosed fence, blank lines and all, in one last block that renders as code', () => {
    const blocks = splitBlocks('Here:\n\n```python\ndef f():\n\n    return 1\n');
    expect(blocks).toHaveLength(2);
    expect(renderBlock(blocks[1])).toContain('<pre><code class="language-python">def f():\n\n    return 1\n</code></pre>');
  });

  it('keeps a list item with its indented continuation, and numbered items keep their numbers', () => {
    expect(splitBlocks('1. one\n\n   more of one\n\n2. two\n')).toEqual(['1. one\n\n   more of one\n\n', '2. two\n']);
    expect(renderBlock('2. two\n')).toContain('<ol start="2">');
  });

  it('renders each block as the whole text renders, for the usual answer shapes', () => {
    const text = '# Title\n\nSome *text* and `code`.\n\n- a\n- b\n\n> quoted\n\n| x | y |\n|---|---|\n| 1 | 2 |\n';
    expect(splitBlocks(text).map(renderBlock).join('')).toBe(renderMarkdown(text));
  });

  it('a growing text changes only its last block', () => {
    const a = splitBlocks('One.\n\nTwo');
    const b = splitBlocks('One.\n\nTwo and three');
    expect(b[0]).toBe(a[0]);
    expect(b).toHaveLength(2);
  });
});
