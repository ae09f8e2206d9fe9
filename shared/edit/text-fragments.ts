/**
 * Where the assembled response text sits, per dialect: text pieces in stream order and the
 * whole copies (Responses `.done` events, finished items, the terminal response; every text
 * field of a non-streamed body). `part` groups a piece with its copies (content block, output
 * item + content index), so the edited part's copies get the new text and the others "".
 */
import type { InteractionAnalysis } from '../model/analysis';
import { arr, frag, isObj, streamDocs } from './fragments';
import type { Doc, Frag } from './fragments';

type Finder = (docs: Doc[]) => (Frag | null)[];

const openaiChat: Finder = (docs) =>
  docs.flatMap((d) =>
    arr(isObj(d.json) ? d.json.choices : undefined).flatMap((ch, ci) => {
      if (!isObj(ch) || (ch.index ?? 0) !== 0) return [];
      const content = isObj(ch.delta) ? ch.delta.content : undefined;
      // Mistral sends content as an array of parts; only `text` parts are answer text.
      const parts = arr(content).map((p, k) => (isObj(p) && typeof p.text === 'string' ? frag(d, ['choices', ci, 'delta', 'content', k, 'text'], 'piece') : null));
      // As the assembler reads it: one source per chunk, so legacy `text` only when the delta has no
      // string content (Together repeats each token in both; that copy is left as recorded).
      const legacy = typeof content === 'string' ? null : frag(d, ['choices', ci, 'text'], 'piece');
      return [legacy, frag(d, ['choices', ci, 'delta', 'content'], 'piece'), ...parts];
    }),
  );

const anthropic: Finder = (docs) =>
  docs.flatMap((d) => {
    const j = d.json;
    if (!isObj(j)) return [];
    if (j.type === 'message_start' && isObj(j.message))
      return arr(j.message.content).map((b, k) => (isObj(b) && b.type === 'text' ? nonEmpty(frag(d, ['message', 'content', k, 'text'], 'piece', `b${k}`)) : null));
    if (j.type === 'content_block_start' && isObj(j.content_block) && j.content_block.type === 'text')
      return [nonEmpty(frag(d, ['content_block', 'text'], 'piece', `b${String(j.index)}`))];
    if (j.type === 'content_block_delta' && isObj(j.delta) && j.delta.type === 'text_delta') return [frag(d, ['delta', 'text'], 'piece', `b${String(j.index)}`)];
    return [];
  });

/** Only a non-empty start text is a piece: editing it would add a line nobody needs to touch. */
const nonEmpty = (f: Frag | null) => (f && f.value !== '' ? f : null);

const responses: Finder = (docs) =>
  docs.flatMap((d) => {
    const j = d.json;
    if (!isObj(j)) return [];
    const t = String(j.type ?? '');
    const part = `${String(j.output_index ?? 0)}:${String(j.content_index ?? 0)}`;
    const itemTexts = (item: unknown, base: (string | number)[], oi: unknown) =>
      isObj(item) && item.type === 'message'
        ? arr(item.content).map((c, k) => (isObj(c) && c.type === 'output_text' ? frag(d, [...base, 'content', k, 'text'], 'whole', `${String(oi)}:${k}`) : null))
        : [];
    switch (t) {
      case 'response.output_text.delta':
        return [frag(d, ['delta'], 'piece', part)];
      case 'response.output_text.done':
        return [frag(d, ['text'], 'whole', part)];
      case 'response.content_part.added':
        return isObj(j.part) && j.part.type === 'output_text' ? [nonEmpty(frag(d, ['part', 'text'], 'piece', part))] : [];
      case 'response.content_part.done':
        return isObj(j.part) && j.part.type === 'output_text' ? [frag(d, ['part', 'text'], 'whole', part)] : [];
      case 'response.output_item.done':
        return itemTexts(j.item, ['item'], j.output_index ?? 0);
      case 'response.completed':
      case 'response.incomplete':
      case 'response.failed':
        return isObj(j.response) ? arr(j.response.output).flatMap((item, i) => itemTexts(item, ['response', 'output', i], i)) : [];
    }
    return [];
  });

const gemini: Finder = (docs) =>
  docs.flatMap((d) =>
    arr(isObj(d.json) ? d.json.candidates : undefined).flatMap((c, ci) => {
      if (!isObj(c) || (c.index ?? 0) !== 0 || !isObj(c.content)) return [];
      return arr(c.content.parts).map((p, k) => (isObj(p) && p.thought !== true ? frag(d, ['candidates', ci, 'content', 'parts', k, 'text'], 'piece') : null));
    }),
  );

/** Bedrock Invoke with non-Anthropic models (Titan, Llama, Mistral): each chunk carries a text piece. */
const invokeLegacy: Finder = (docs) =>
  docs.flatMap((d) => {
    const j = d.json;
    if (!isObj(j) || typeof j.type === 'string') return [];
    return [
      ...arr(j.results).map((_, k) => frag(d, ['results', k, 'outputText'], 'piece')),
      ...['outputText', 'completion', 'generation'].map((k) => frag(d, [k], 'piece')),
      ...arr(j.outputs).map((_, k) => frag(d, ['outputs', k, 'text'], 'piece')),
    ];
  });

const converse: Finder = (docs) => docs.map((d) => (d.name === 'contentBlockDelta' ? frag(d, ['delta', 'text'], 'piece') : null));

const ollama: Finder = (docs) => docs.map((d) => frag(d, ['message', 'content'], 'piece'));

const STREAM: Record<string, Finder> = {
  'openai-chat': openaiChat,
  'openai-completions': openaiChat,
  anthropic,
  'bedrock-invoke': (docs) => [...anthropic(docs), ...invokeLegacy(docs)],
  'openai-responses': responses,
  gemini,
  'bedrock-converse': converse,
  ollama,
};

/** Every text field of a non-streamed body, as wholes per part. */
function jsonBody(dialect: string, d: Doc): (Frag | null)[] {
  const j = isObj(d.json) ? d.json : {};
  const each = (list: unknown[], base: (string | number)[], ok: (b: Record<string, unknown>) => boolean) =>
    list.map((b, k) => (isObj(b) && ok(b) ? frag(d, [...base, k, 'text'], 'whole', String(k)) : null));
  switch (dialect) {
    case 'openai-chat':
    case 'openai-completions': {
      const ch = arr(j.choices).findIndex((c) => isObj(c) && (c.index ?? 0) === 0);
      return ch < 0 ? [] : [frag(d, ['choices', ch, 'message', 'content'], 'whole'), frag(d, ['choices', ch, 'text'], 'whole')];
    }
    case 'anthropic':
      return each(arr(j.content), ['content'], (b) => b.type === 'text');
    case 'bedrock-invoke':
      // Whole copies: a legacy model's one body holds the whole text, like a Claude text block.
      return [...each(arr(j.content), ['content'], (b) => b.type === 'text'), ...invokeLegacy([d]).map((f) => f && { ...f, role: 'whole' as const })];
    case 'openai-responses':
      return arr(j.output).flatMap((item, i) => (isObj(item) && item.type === 'message' ? each(arr(item.content), ['output', i, 'content'], (c) => c.type === 'output_text').map((f) => f && { ...f, part: `${i}:${f.part}` }) : []));
    case 'gemini': {
      const c = arr(j.candidates)[0];
      return isObj(c) && isObj(c.content) ? each(arr(c.content.parts), ['candidates', 0, 'content', 'parts'], (p) => p.thought !== true) : [];
    }
    case 'bedrock-converse':
      return isObj(j.output) && isObj(j.output.message) ? each(arr(j.output.message.content), ['output', 'message', 'content'], () => true) : [];
    case 'ollama':
      return [frag(d, ['message', 'content'], 'whole')];
  }
  return [];
}

const dialectOf = (ia: InteractionAnalysis) => ia.dialect ?? ia.provider ?? '';

export function textFragments(ia: InteractionAnalysis, bodyDoc?: Doc): Frag[] | string {
  const d = dialectOf(ia);
  let found: (Frag | null)[];
  if (bodyDoc) found = jsonBody(d, bodyDoc);
  else {
    const finder = STREAM[d];
    if (!finder) return `editing the streamed text of ${d || 'this'} responses is not supported: edit the events in the Raw tab`;
    found = finder(streamDocs(ia));
  }
  const out = found.filter((f): f is Frag => f !== null);
  return out.length ? out : 'this response has no text field to edit';
}
