/**
 * After an edit, the result must still be a cassette the viewer (and the recorder) can read:
 * re-parse it with the real cassette parser and report error diagnostics.
 */
import { parseCassette } from '../cassette/parse';
import type { Cassette } from '../model/cassette';
import type { Diagnostic } from '../model/diagnostics';
import { utf8Encode } from '../util/bytes';

export interface Validation {
  ok: boolean;
  cassette: Cassette;
  errors: Diagnostic[];
  /** First error as one line, for status bars and CLI output. */
  message?: string;
}

export function validateCassetteText(text: string, path: string): Validation {
  // Validate the YAML text itself even for `.yaml.gz` paths: the text is what was edited.
  const cassette = parseCassette({ path: path.replace(/\.gz$/i, ''), bytes: utf8Encode(text) });
  const errors = cassette.diagnostics.filter((d) => d.severity === 'error');
  const v: Validation = { ok: cassette.format !== null && errors.length === 0, cassette, errors };
  if (cassette.format === null && errors.length === 0) v.message = 'the text is no longer a recognised cassette';
  else if (errors[0]) v.message = `${errors[0].line ? `line ${errors[0].line}: ` : ''}${errors[0].message}`;
  return v;
}
