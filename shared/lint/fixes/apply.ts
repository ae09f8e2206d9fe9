/** Running an edit op inside a fix: open the text, edit, return the new text or throw why not. */
import { openEditable } from '../../edit/document';
import type { EditableDoc } from '../../edit/document';
import type { EditResult } from '../../edit/types';

export function editText(text: string, op: (ed: EditableDoc) => EditResult<EditableDoc>): string {
  const r = op(openEditable(text));
  if (!r.ok) throw new Error(r.error);
  return r.text;
}
