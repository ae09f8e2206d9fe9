/**
 * `tapedeck redact [--header NAME]... [--pattern REGEX]... [--replacement TEXT] [--write] PATH...`
 * Dry run (default): print a unified diff of what would change; exit 1 if anything would.
 * --write: save each changed file atomically and print a summary; a read-only file is refused
 * (as the app refuses it), never overwritten. Exit 2 on bad usage.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { decodeCassetteFile, encodeCassetteFile } from '../../shared/edit/cassette-file';
import { openEditable } from '../../shared/edit/document';
import { editFormatOf } from '../../shared/edit/layout';
import { unifiedDiff } from '../../shared/edit/unified-diff';
import { validateCassetteText } from '../../shared/edit/validate';
import { redactText } from '../../shared/redact/redact';
import { makeRules } from '../../shared/redact/rules';
import { registerNodeCodecs } from '../backend/node-codecs';
import { writeUnlessReadOnly } from './write-file';
import { parseArgs } from './args';
import { collectFiles } from './collect-files';
import { UsageError } from './io';

export const REDACT_USAGE = `Usage: tapedeck redact [--header NAME]... [--pattern REGEX]... [--replacement TEXT] [--write] PATH...
  Finds secrets (API keys, bearer tokens, cookies, AWS keys and signatures, GitHub, Hugging
  Face, Slack and Stripe tokens, key= URL parameters) in cassettes and replaces them, changing
  nothing else in the files. Cloudflare bot cookies (__cf_bm, _cfuvid) are left in place.
  --header NAME       also redact the values of this header (repeatable)
  --pattern REGEX     also redact matches of this regex; group 1 if it has one (repeatable)
  --replacement TEXT  the placeholder to write (default REDACTED)
  --write             save the files (atomically; read-only files are refused); without it,
                      print a diff and exit 1 if anything would change
  PATH                cassette files or folders (searched for .yaml .yml .yaml.gz .har .json)
`;

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

export async function redactCommand(argv: string[], io: Io): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, { values: ['replacement'], repeat: ['header', 'pattern'], booleans: ['write', 'help'] });
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`tapedeck redact: ${e.message}\n${REDACT_USAGE}`);
    return 2;
  }
  if (args.flags.has('help')) {
    io.stdout(REDACT_USAGE);
    return 0;
  }
  const usage = (msg: string) => {
    io.stderr(`tapedeck redact: ${msg}\n${REDACT_USAGE}`);
    return 2;
  };
  if (args.positionals.length === 0) return usage('no PATH given');
  const rules = makeRules({ headers: args.lists.header, patterns: args.lists.pattern, replacement: args.values.replacement });
  if ('error' in rules) return usage(rules.error);
  const write = args.flags.has('write');
  registerNodeCodecs(); // brotli/zstd bodies: without them a secret inside one is never seen

  for (const p of args.positionals) {
    if (await fs.stat(path.resolve(io.cwd, p)).catch(() => null)) continue;
    io.stderr(`tapedeck redact: no such file or folder: ${p}\n`); // a typo, not a usage question: no usage text
    return 2;
  }
  let collected;
  try {
    collected = await collectFiles(args.positionals.map((p) => path.resolve(io.cwd, p)));
  } catch (e) {
    return usage(`cannot read a folder: ${(e as Error).message}`);
  }
  const { files: found, skipped } = collected;
  for (const s of skipped) io.stderr(`skip ${path.relative(io.cwd, s)}: a symlink to a file outside the folders given\n`);
  const files = found.map((f) => f.file);

  let changedFiles = 0;
  let secrets = 0;
  let failures = 0;
  for (const file of files) {
    const rel = path.relative(io.cwd, file) || file;
    const decoded = decodeCassetteFile(rel, new Uint8Array(await fs.readFile(file)));
    if ('error' in decoded) {
      io.stderr(`skip ${decoded.error}\n`);
      continue;
    }
    const ed = openEditable(decoded.text);
    if (ed.errors.length === 0 && !editFormatOf(ed.doc)) continue; // some other JSON/YAML file
    const r = redactText(decoded.text, rules);
    if (r.error) {
      io.stderr(`${rel}: ${r.error}\n`);
      failures++;
      continue;
    }
    if (r.text === decoded.text) continue;
    if (!write) {
      changedFiles++;
      secrets += r.findings.length;
      const label = decoded.gzip ? `${rel} (gunzipped)` : rel;
      io.stdout(unifiedDiff(decoded.text, r.text, `a/${label}`, `b/${label}`));
      continue;
    }
    const before = validateCassetteText(decoded.text, rel);
    const after = validateCassetteText(r.text, rel);
    if (before.ok && !after.ok) {
      io.stderr(`${rel}: not written, the result would not parse as a cassette (${after.message})\n`);
      failures++;
      continue;
    }
    const refused = await writeUnlessReadOnly(file, encodeCassetteFile({ text: r.text, gzip: decoded.gzip, bom: decoded.bom }), rel);
    if (refused) {
      io.stderr(`tapedeck redact: ${refused}\n`);
      failures++;
      continue;
    }
    changedFiles++;
    secrets += r.findings.length;
    io.stdout(`redacted ${r.findings.length} secret(s) in ${rel}\n`);
  }
  if (write) {
    io.stdout(`${changedFiles} file(s) changed, ${secrets} secret(s) redacted, ${files.length} file(s) checked\n`);
    return failures > 0 ? 1 : 0;
  }
  if (changedFiles > 0) io.stderr(`${secrets} secret(s) in ${changedFiles} file(s) would be redacted; run with --write to save\n`);
  return changedFiles > 0 || failures > 0 ? 1 : 0;
}
