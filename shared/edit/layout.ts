/**
 * Where each recorder keeps an interaction's parts. Ops address interactions by index in any
 * format; this module turns (index, side) into the nodes to edit.
 */
import type { Document, Scalar } from 'yaml';
import { asScalar, coreScalar, get, isBinaryTag, items, pairsCaseInsensitive, scalarText } from '../yaml/nodes';
import type { N } from '../yaml/nodes';
import { detectFormat } from '../cassette/detect';
import { Tree } from '../yaml/tree';
import type { CassetteFormat } from '../model/cassette';

export type EditFormat = CassetteFormat;
export type Side = 'request' | 'response';

export interface BodyRef {
  /** The scalar holding the stored body; null when the body is a parsed mapping or absent. */
  node: Scalar | null;
  /** pydantic-ai `parsed_body` (a YAML mapping instead of a JSON string). */
  parsed: N;
  /** Stored as base64: `!!binary`, Ruby `!binary`/`base64_string`, HAR `encoding: base64`. */
  base64: boolean;
  /** HAR base64 text that is a JSON array of base64 chunks (Polly). */
  harChunks: boolean;
}

export interface SideRef {
  map: N;
  headers: N;
  har: boolean;
  body: BodyRef;
  url: Scalar | null;
  /** Numeric fields that hold the body length: go-vcr `content_length`, HAR `bodySize`/`size`. */
  lengthFields: Scalar[];
  /** go-vcr `uncompressed: true`: the body is already decoded whatever Content-Encoding says. */
  uncompressed: boolean;
}

/**
 * The recorder format to edit in, or null when the document is no HTTP cassette. It asks the
 * parser's `detectFormat`, so the editor, `redact` and the views never disagree on what a file
 * is (an `interactions:` list without `version` or vcrpy fields is no go-vcr cassette).
 */
export function editFormatOf(doc: Document.Parsed | null): EditFormat | null {
  const root = doc?.contents;
  if (!root) return null;
  const found = detectFormat(new Tree(doc, null), root);
  return found.kind === 'http' ? found.format : null;
}

/** The sequence node(s) that hold interactions; langchain keeps two parallel lists. */
export function interactionLists(doc: Document.Parsed, format: EditFormat): N[] {
  const root = doc.contents;
  switch (format) {
    case 'har':
      return [get(get(root, 'log'), 'entries')];
    case 'ruby-vcr':
      return [get(root, 'http_interactions')];
    case 'langchain':
      return [get(root, 'requests'), get(root, 'responses')];
    default:
      return [get(root, 'interactions')];
  }
}

export function interactionCount(doc: Document.Parsed, format: EditFormat): number {
  return items(interactionLists(doc, format)[0]).length;
}

export function sideRef(doc: Document.Parsed, format: EditFormat, index: number, side: Side): SideRef | string {
  const lists = interactionLists(doc, format);
  let map: N;
  if (format === 'langchain') map = items(lists[side === 'request' ? 0 : 1])[index];
  else map = get(items(lists[0])[index], side);
  if (!map) return `interaction ${index} has no ${side}`;
  const ref: SideRef = {
    map,
    headers: get(map, 'headers'),
    har: format === 'har',
    body: { node: null, parsed: undefined, base64: false, harChunks: false },
    url: asScalar(get(map, format === 'go-vcr' ? 'url' : format === 'har' ? 'url' : 'uri')),
    lengthFields: [],
    uncompressed: format === 'go-vcr' && coreScalar(get(map, 'uncompressed')) === true,
  };
  if (format === 'har') {
    const holder = side === 'request' ? get(map, 'postData') : get(map, 'content');
    ref.body.node = asScalar(get(holder, 'text'));
    ref.body.base64 = scalarText(get(holder, 'encoding')) === 'base64';
    ref.body.harChunks = ref.body.base64 && /^\s*\[/.test(scalarText(ref.body.node) ?? '');
    for (const n of [get(map, 'bodySize'), get(get(map, 'content'), 'size')]) {
      const s = asScalar(n);
      if (s) ref.lengthFields.push(s);
    }
    return ref;
  }
  const body = get(map, 'body');
  const bodyMap = asScalar(body) ? null : body;
  if (bodyMap) {
    const str = get(bodyMap, 'string');
    const b64 = get(bodyMap, 'base64_string');
    ref.body.node = asScalar(b64 ?? str);
    ref.body.base64 = b64 !== undefined || isBinaryTag(str);
  } else if (body !== undefined) {
    ref.body.node = asScalar(body);
    ref.body.base64 = isBinaryTag(body);
  }
  const parsed = get(map, 'parsed_body');
  if (parsed !== undefined) ref.body.parsed = parsed;
  const cl = asScalar(get(map, 'content_length'));
  if (cl) ref.lengthFields.push(cl);
  return ref;
}

/** Value scalars of every header named `name` (case-insensitive), in source order. */
export function headerValueNodes(ref: SideRef, name: string): Scalar[] {
  const out: Scalar[] = [];
  if (ref.har) {
    const lower = name.toLowerCase();
    for (const h of items(ref.headers)) {
      if (scalarText(get(h, 'name'))?.toLowerCase() !== lower) continue;
      const v = asScalar(get(h, 'value'));
      if (v) out.push(v);
    }
    return out;
  }
  for (const p of pairsCaseInsensitive(ref.headers, name)) {
    const v = p.value;
    const s = asScalar(v);
    if (s) out.push(s);
    else for (const it of items(v)) if (asScalar(it)) out.push(it as Scalar);
  }
  return out;
}

/** Every header as (name, value scalar) pairs, for scanning. */
export function allHeaders(ref: SideRef): { name: string; node: Scalar }[] {
  const out: { name: string; node: Scalar }[] = [];
  if (ref.har) {
    for (const h of items(ref.headers)) {
      const n = scalarText(get(h, 'name'));
      const v = asScalar(get(h, 'value'));
      if (n !== null && v) out.push({ name: n, node: v });
    }
    return out;
  }
  const m = ref.headers as { items?: { key: unknown; value: unknown }[] } | null | undefined;
  for (const p of m?.items ?? []) {
    const name = scalarText(p.key);
    if (name === null) continue;
    const s = asScalar(p.value);
    if (s) out.push({ name, node: s });
    else for (const it of items(p.value)) if (asScalar(it)) out.push({ name, node: it as Scalar });
  }
  return out;
}
