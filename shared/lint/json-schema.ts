/**
 * A small JSON Schema subset, enough to check tool-call arguments against the tool's declared
 * parameters: type (incl. arrays of types, "integer", nullable), required, properties,
 * additionalProperties: false, enum, const, items, anyOf/oneOf. Anything else is ignored
 * rather than guessed at, so an unknown keyword never produces a false finding.
 * Gemini declares types in upper case (`OBJECT`, `STRING`); they are compared case-insensitively.
 */

export interface SchemaError {
  /** JSON pointer-ish path into the value: `$.location.unit`. */
  path: string;
  message: string;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function matchesType(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  const want = t.toLowerCase();
  if (want === 'number') return actual === 'number' || actual === 'integer';
  return actual === want;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as Obj);
  const kb = Object.keys(b as Obj);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Obj)[k], (b as Obj)[k]));
}

const MAX_ERRORS = 20;

export function validateSchema(value: unknown, schema: unknown, path = '$', out: SchemaError[] = []): SchemaError[] {
  if (!isObj(schema) || out.length >= MAX_ERRORS) return out;
  const err = (message: string, at = path) => out.push({ path: at, message });

  const types = Array.isArray(schema.type) ? schema.type.filter((t): t is string => typeof t === 'string') : typeof schema.type === 'string' ? [schema.type] : [];
  if (types.length > 0 && !(schema.nullable === true && value === null) && !types.some((t) => matchesType(value, t))) {
    err(`expected ${types.map((t) => t.toLowerCase()).join(' or ')}, got ${typeOf(value)}`);
    return out; // deeper checks would only repeat the same mistake
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => deepEqual(e, value))) {
    err(`must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}, got ${JSON.stringify(value)}`);
  }
  if ('const' in schema && !deepEqual(schema.const, value)) err(`must be ${JSON.stringify(schema.const)}`);

  for (const key of ['anyOf', 'oneOf'] as const) {
    const alts = schema[key];
    if (Array.isArray(alts) && alts.length > 0 && !alts.some((s) => validateSchema(value, s, path).length === 0)) {
      err(`matches none of the ${key} alternatives`);
    }
  }

  if (isObj(value)) {
    const props = isObj(schema.properties) ? schema.properties : {};
    if (Array.isArray(schema.required)) {
      for (const r of schema.required) if (typeof r === 'string' && !(r in value)) err(`missing required property "${r}"`);
    }
    for (const [k, v] of Object.entries(value)) {
      const childPath = `${path}.${k}`;
      if (k in props) validateSchema(v, props[k], childPath, out);
      else if (schema.additionalProperties === false) err(`unexpected property "${k}"`, childPath);
      else if (isObj(schema.additionalProperties)) validateSchema(v, schema.additionalProperties, childPath, out);
    }
  }
  if (Array.isArray(value) && isObj(schema.items)) {
    value.forEach((v, i) => validateSchema(v, schema.items, `${path}[${i}]`, out));
  }
  return out;
}
