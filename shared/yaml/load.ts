/**
 * Loading cassette text into a `yaml` Document (the viewer's parse; the editor composes its own
 * with source tokens in shared/edit/document.ts) and the tags cassettes use. Readers then walk
 * the nodes with nodes.ts / tree.ts instead of calling `toJS()` on the whole document: it is
 * cheaper, and nodes carry the source offsets that the views need to jump into the YAML.
 */
import { Composer, Document, LineCounter, Parser, YAMLParseError } from 'yaml';
import type { ScalarTag } from 'yaml';
import { cstDepth, MAX_NESTING, posOf, tooDeep, valueDepth } from './limits';
import { duplicateKeyErrors } from './unique-keys';
import { unresolvedAliasErrors } from './unresolved-aliases';

/** Base64 text of a `!!binary` / Ruby `!binary` scalar, decoded only when a body is read. */
export class Base64Text {
  constructor(readonly text: string) {}
}

/** `!!binary` kept lazy: decoding every body while indexing a folder is wasted work. */
export const lazyBinaryTag: ScalarTag = {
  tag: 'tag:yaml.org,2002:binary',
  identify: (v) => v instanceof Base64Text,
  default: false,
  resolve: (src) => new Base64Text(src),
};

/** Ruby Psych writes ASCII-8BIT strings as `!binary` (a local tag with one `!`): also base64. */
export const rubyBinaryTag: ScalarTag = {
  tag: '!binary',
  identify: (v) => v instanceof Base64Text,
  default: false,
  resolve: (src) => new Base64Text(src),
};

export const CASSETTE_TAGS: ScalarTag[] = [lazyBinaryTag, rubyBinaryTag];

/**
 * The failsafe schema leaves plain scalars as strings: resolving every one of them against the
 * core schema's regexes costs ~8% of a parse, and readers look at a few fields only.
 * `Tree.scalar` applies the core schema to the scalars that are actually read.
 */
export function loadYaml(text: string): { doc: Document.Parsed; lines: LineCounter } {
  // parseDocument, in its steps: the CST parser is iterative, so the nesting depth is checked
  // on its tokens before the (recursive) composer sees them.
  const lines = new LineCounter();
  const tokens = Array.from(new Parser(lines.addNewLine).parse(text));
  const { depth, offset } = cstDepth(tokens);
  if (depth > MAX_NESTING) throw tooDeep(depth, posOf(text, offset));
  // uniqueKeys off: yaml's check is quadratic in a mapping's size; ours below is linear.
  const composer = new Composer({ schema: 'failsafe', customTags: CASSETTE_TAGS, keepSourceTokens: false, uniqueKeys: false });
  const docs = Array.from(composer.compose(tokens, true, text.length));
  const doc = docs[0] as Document.Parsed;
  if (doc.contents) doc.errors.push(...duplicateKeyErrors(doc), ...unresolvedAliasErrors(doc));
  if (docs.length > 1) doc.errors.push(new YAMLParseError(docs[1].range.slice(0, 2) as [number, number], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
  for (const e of [...doc.errors, ...doc.warnings]) e.linePos = [lines.linePos(e.pos[0]), lines.linePos(e.pos[1])];
  return { doc, lines };
}

/** A document built from an already-parsed JSON value: same walking API, no positions. */
export function docFromValue(value: unknown): Document {
  const depth = valueDepth(value);
  if (depth > MAX_NESTING) throw tooDeep(depth);
  return new Document(value, { customTags: CASSETTE_TAGS });
}

