/**
 * Which request fields a named matcher reads, so a near miss's diff can say which differences
 * decide the match and which the active matchers never look at. The names mean the same in all
 * three recorders (go-vcr `url` and vcrpy/Ruby `uri` both read the whole URL; go-vcr `form`
 * reads the query and an urlencoded body).
 */
import type { FieldName } from './types';

const URL_FIELDS: FieldName[] = ['scheme', 'host', 'port', 'path', 'query'];

const FIELDS: Record<string, FieldName[]> = {
  method: ['method'],
  url: URL_FIELDS,
  uri: URL_FIELDS,
  scheme: ['scheme'],
  host: ['host'],
  port: ['port'],
  path: ['path'],
  query: ['query'],
  headers: ['headers'],
  body: ['body'],
  raw_body: ['body'],
  body_as_json: ['body'],
  form: ['query', 'body'],
};

export function comparedFields(matchers: string[]): Set<FieldName> {
  return new Set(matchers.flatMap((m) => FIELDS[m] ?? []));
}
