import { UsageError } from './io';

export interface FlagSpec {
  /** Flags that take a value (`--port 8080` or `--port=8080`). */
  values?: string[];
  /** Flags that may repeat; their values collect into arrays. */
  repeat?: string[];
  /** Boolean flags. */
  booleans?: string[];
}

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string>;
  lists: Record<string, string[]>;
  flags: Set<string>;
}

/** A strict little parser: an unknown flag is a usage error, never silently ignored. */
export function parseArgs(argv: string[], spec: FlagSpec): ParsedArgs {
  const out: ParsedArgs = { positionals: [], values: {}, lists: {}, flags: new Set() };
  const takesValue = new Set([...(spec.values ?? []), ...(spec.repeat ?? [])]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    if (spec.booleans?.includes(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      out.flags.add(name);
      continue;
    }
    if (!takesValue.has(name)) throw new UsageError(`unknown option --${name}`);
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    if (spec.repeat?.includes(name)) (out.lists[name] ??= []).push(value);
    else out.values[name] = value;
  }
  return out;
}
