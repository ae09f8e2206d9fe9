/**
 * YAML 1.2 core-schema resolution of plain scalars, applied lazily: load.ts composes with the
 * failsafe schema (every plain scalar a string) and Tree resolves only the scalars it reads.
 */
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** YAML 1.2 core-schema value of a plain (unquoted, untagged) scalar. */
export function corePlain(s: string): unknown {
  switch (s) {
    case '':
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
    case '.inf':
    case '.Inf':
    case '.INF':
    case '+.inf':
      return Infinity;
    case '-.inf':
    case '-.Inf':
    case '-.INF':
      return -Infinity;
    case '.nan':
    case '.NaN':
    case '.NAN':
      return NaN;
  }
  const c = s.charCodeAt(0);
  // Cheap reject before the regexes: numbers start with a digit, sign, dot or 0x/0o.
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return s;
  if (INT.test(s)) return parseInt(s, 10);
  if (FLOAT.test(s)) return parseFloat(s);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
  return s;
}
