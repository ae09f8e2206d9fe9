/**
 * Appending what a stream is missing at its end: a blank line that dispatches the last event,
 * or a whole terminal event (`data: [DONE]`, `message_stop`). The body keeps its line endings.
 */
import { getBodyText, setBody } from '../../edit/ops';
import { editError } from '../../edit/types';
import type { Fix } from '../types';
import { editText } from './apply';

/** `event` is the event's lines without the trailing blank line; '' only terminates the last event. */
export function appendToStream(body: string, event: string): string {
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  let out = body;
  // Close whatever came before with exactly one blank line.
  if (out !== '' && !out.endsWith(eol + eol)) out += out.endsWith(eol) ? eol : eol + eol;
  if (event !== '') out += event.split('\n').join(eol) + eol + eol;
  return out;
}

export function appendToStreamFix(interaction: number, title: string, event: string): Fix {
  return {
    title: `${title} (interaction ${interaction})`,
    apply: (text) =>
      editText(text, (ed) => {
        const body = getBodyText(ed, { interaction, side: 'response' });
        if (typeof body !== 'string') return editError(body.error);
        return setBody(ed, { interaction, side: 'response', text: appendToStream(body, event) });
      }),
  };
}
