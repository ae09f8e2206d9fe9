/**
 * A scalar's logical string value. vcrpy writes some header values as `!!binary` base64 (boto
 * sends bytes headers); those read as their decoded text and are written back as base64 with
 * the same line width, so a header edit looks the same whichever way it was stored.
 */
import type { Scalar } from 'yaml';
import { base64Decode, base64Encode, utf8Decode, utf8Encode } from '../util/bytes';
import { wrapLike } from './body-codec';
import type { EditableDoc } from './document';
import { isBinaryTag, scalarText } from '../yaml/nodes';
import { planScalar } from './scalar-edit';
import type { Splice } from './types';

export function readValue(node: Scalar): string | null {
  const s = scalarText(node);
  if (s === null || !isBinaryTag(node)) return s;
  const bytes = base64Decode(s);
  return bytes ? utf8Decode(bytes, true) : null;
}

export function planValue(ed: EditableDoc, node: Scalar, value: string): Splice[] | string {
  if (!isBinaryTag(node)) return planScalar(ed, node, value);
  if (readValue(node) === value) return [];
  return planScalar(ed, node, wrapLike(scalarText(node) ?? '', base64Encode(utf8Encode(value))));
}
