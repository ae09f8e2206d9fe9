/** go-vcr `content_length` recomputed from the body as it is stored now. */
import { readBody } from '../../edit/body-codec';
import { commit } from '../../edit/document';
import { side } from '../../edit/ops';
import { planRawScalar } from '../../edit/scalar-edit';
import { editError } from '../../edit/types';
import type { Fix } from '../types';
import { editText } from './apply';

export function contentLengthFix(interaction: number, s: 'request' | 'response', expected: number): Fix {
  return {
    title: `Set ${s} content_length of interaction ${interaction} to ${expected}`,
    apply: (text) =>
      editText(text, (ed) => {
        const ref = side(ed, interaction, s);
        if (typeof ref === 'string') return editError(ref);
        const node = ref.lengthFields[0];
        const body = readBody(ref);
        if (!node) return editError('no content_length field');
        // Measured again: an earlier fix (a redaction) may have changed the body.
        const length = typeof body === 'string' ? 0 : body.raw.length;
        const plan = planRawScalar(node, String(length));
        if (typeof plan === 'string') return editError(plan);
        return commit(ed, plan);
      }),
  };
}
